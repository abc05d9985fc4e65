// SDXL's added conditioning (diffusers UNet2DConditionModel with
// addition_embed_type "text_time", v0.25.1): per row the pooled text
// embedding [P] and 6 micro-conditioning numbers (original h, w; crop top,
// left; target h, w). Each number is embedded with the UNet's sinusoid of
// width A, the row becomes cat(text_embeds, those 6A values) [P + 6A] (text
// FIRST), and add_embedding (linear_1, SiLU, linear_2) turns it into `aug`,
// which is added to the time embedding every resnet receives.
//
// Packing: the pipelines batch, split and cache ONE conditioning tensor per row
// ([uncond x B; cond x B], per-step uncond rows, the K/V cache). So that the
// added conditions travel with their rows through all of that, they are packed
// behind the text tokens as k = ceil((P + 6) / D) extra rows of width D:
// row-major [text_embeds, time_ids, zeros]. A text_time UNet's 3-argument
// forward() unpacks them; nothing else looks inside.
#pragma once
#include <utility>

#include <torch/nn/module.h>
#include <torch/types.h>

#include "models/unet/timestep_embedding.h"
#include "models/unet/unet_config.h"

namespace sds::unet {

struct AddedConditions {
  torch::Tensor text_embeds;  // [B, P] pooled, projected text embedding
  torch::Tensor time_ids;     // [B, 6] float32 (sizes and crop in pixels)
};

// Extra context rows that pack P + 6 numbers at width D.
int64_t packedAddedRows(int64_t text_embeds_dim, int64_t width);

// context [B, N, D] + added -> [B, N + k, D] in the context's dtype.
torch::Tensor packAddedConditions(const torch::Tensor& context, const AddedConditions& added);

// packed [B, N + k, D] -> (context [B, N, D], added). Throws sds::Error when
// the tensor is too short to hold the added rows.
std::pair<torch::Tensor, AddedConditions> unpackAddedConditions(const torch::Tensor& packed, int64_t text_embeds_dim);

// add_embedding of a text_time UNet (registered as "add_embedding": keys
// add_embedding.linear_1/2.*); add_time_proj has no weights.
class TextTimeEmbedding : public TimestepEmbeddingImpl {
 public:
  TextTimeEmbedding(const UNetConfig& config, int64_t temb_dim);
  // added: [B, P], [B, 6] -> aug [B, temb] in the module's dtype; time_proj
  // (optional out) = the sinusoids [B*6, A] float32.
  torch::Tensor embed(const AddedConditions& added, int64_t batch, torch::Tensor* time_proj = nullptr);

 private:
  int64_t text_dim_, time_dim_;
  bool flip_sin_to_cos_;
  double freq_shift_;
};

}  // namespace sds::unet
