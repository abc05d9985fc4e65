#include "models/unet/added_embedding.h"

#include "core/base/error.h"

namespace sds::unet {

int64_t packedAddedRows(int64_t text_embeds_dim, int64_t width) {
  return (text_embeds_dim + kSdxlTimeIds + width - 1) / width;
}

torch::Tensor packAddedConditions(const torch::Tensor& context, const AddedConditions& added) {
  // context: [B, N, D]; text_embeds [B, P]; time_ids [B, 6]
  const int64_t b = context.size(0), d = context.size(2);
  if (added.text_embeds.dim() != 2 || added.text_embeds.size(0) != b || added.time_ids.dim() != 2 ||
      added.time_ids.size(0) != b || added.time_ids.size(1) != kSdxlTimeIds)
    throw Error("SDXL's added conditions must be text_embeds [" + std::to_string(b) + ", P] and time_ids [" +
                std::to_string(b) + ", 6]; got " + c10::str(added.text_embeds.sizes()) + " and " +
                c10::str(added.time_ids.sizes()) + ".");
  const int64_t p = added.text_embeds.size(1), k = packedAddedRows(p, d);
  const auto opts = context.options();
  auto flat = torch::cat({added.text_embeds.to(opts), added.time_ids.to(opts)}, 1);  // [B, P + 6]
  flat = torch::constant_pad_nd(flat, {0, k * d - flat.size(1)}, 0);
  return torch::cat({context, flat.view({b, k, d})}, 1);  // [B, N + k, D]
}

std::pair<torch::Tensor, AddedConditions> unpackAddedConditions(const torch::Tensor& packed,
                                                                int64_t text_embeds_dim) {
  // packed: [B, N + k, D]
  const int64_t d = packed.size(2), k = packedAddedRows(text_embeds_dim, d);
  if (packed.size(1) <= k)
    throw Error("This SDXL UNet needs its added conditions (pooled text embedding and size ids) packed behind the " +
                std::string("text tokens (unet::packAddedConditions); got only ") + std::to_string(packed.size(1)) +
                " rows.");
  const int64_t n = packed.size(1) - k;
  const auto flat = packed.narrow(1, n, k).reshape({packed.size(0), k * d});
  AddedConditions added{flat.narrow(1, 0, text_embeds_dim), flat.narrow(1, text_embeds_dim, kSdxlTimeIds)};
  return {packed.narrow(1, 0, n), added};
}

TextTimeEmbedding::TextTimeEmbedding(const UNetConfig& config, int64_t temb_dim)
    : TimestepEmbeddingImpl(config.projection_class_embeddings_input_dim, temb_dim),
      text_dim_(config.addedTextEmbedsDim()),
      time_dim_(config.addition_time_embed_dim),
      flip_sin_to_cos_(config.flip_sin_to_cos),
      freq_shift_(config.freq_shift) {}

torch::Tensor TextTimeEmbedding::embed(const AddedConditions& added, int64_t batch, torch::Tensor* time_proj) {
  const auto& te = added.text_embeds;
  const auto& ids = added.time_ids;
  if (!te.defined() || !ids.defined() || te.dim() != 2 || te.size(0) != batch || te.size(1) != text_dim_ ||
      ids.dim() != 2 || ids.size(0) != batch || ids.size(1) != kSdxlTimeIds)
    throw Error("The SDXL UNet needs text_embeds [" + std::to_string(batch) + ", " + std::to_string(text_dim_) +
                "] and time_ids [" + std::to_string(batch) + ", 6]" +
                (te.defined() && ids.defined()
                     ? "; got " + c10::str(te.sizes()) + " and " + c10::str(ids.sizes()) + "."
                     : ", which were not given."));
  const auto device = linear_1->weight.device();
  const auto dtype = linear_1->weight.scalar_type();
  // Each number gets its own sinusoid: [B*6] -> [B*6, A] -> [B, 6A] (value-major).
  const auto proj = sinusoidalEmbedding(ids.to(device).reshape({-1}), time_dim_, flip_sin_to_cos_, freq_shift_);
  if (time_proj) *time_proj = proj;
  const auto row = torch::cat({te.to(device, dtype), proj.reshape({batch, -1}).to(dtype)}, 1);  // [B, P + 6A]
  return forward(row);  // [B, temb]
}

}  // namespace sds::unet
