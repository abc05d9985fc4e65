#include "core/engine/stereo/stereo_attention.h"

#include "core/base/error.h"
#include "models/common/json_limits.h"

namespace sds::stereo {

AttentionDirection parseAttentionDirection(const std::string& text) {
  if (text == "uni" || text == "one-way" || text == "oneway") return AttentionDirection::Uni;
  if (text == "bi" || text == "two-way" || text == "twoway") return AttentionDirection::Bi;
  // boundedText: the text may come from a hostile file.
  throw Error("Unknown attention direction '" + boundedText(text, 40) + "'; use 'uni' (one-way) or 'bi' (two-way).");
}

std::string toString(AttentionDirection d) { return d == AttentionDirection::Uni ? "uni" : "bi"; }

torch::Tensor stereoSelfAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                  double scale, bool upcast, AttentionDirection direction, int groups) {
  // q, k, v: [groups * 2 * n, heads, N, d]
  const int64_t B = q.size(0), heads = q.size(1), N = q.size(2);
  if (groups < 1 || B % (2 * groups) != 0 || k.size(0) != B)
    throw Error("The stereo attention needs a batch of [left, right] views per guidance half; got batch " +
                std::to_string(B) + " for " + std::to_string(groups) + " half(s).");
  const int64_t n = B / (2 * groups);
  const int64_t Nk = k.size(2);
  // Queries of both views side by side on the token axis: attention is per
  // query, so this equals attending with each view's queries separately.
  const auto tokens_of_both = [&](const torch::Tensor& t, int64_t tokens) {
    return t.view({groups, 2, n, heads, tokens, t.size(3)}).permute({0, 2, 3, 1, 4, 5}).reshape(
        {groups * n, heads, 2 * tokens, t.size(3)});
  };
  const auto left_only = [&](const torch::Tensor& t) {
    return t.view({groups, 2, n, heads, Nk, t.size(3)}).select(1, 0).reshape({groups * n, heads, Nk, t.size(3)});
  };
  const auto qs = tokens_of_both(q, N);
  const auto ks = direction == AttentionDirection::Uni ? left_only(k) : tokens_of_both(k, Nk);
  const auto vs = direction == AttentionDirection::Uni ? left_only(v) : tokens_of_both(v, Nk);
  const auto out = attn::scaledDotProductAttention(qs, ks, vs, scale, upcast);  // [groups*n, heads, 2N, dv]
  const int64_t dv = out.size(3);
  return out.view({groups, n, heads, 2, N, dv}).permute({0, 3, 1, 2, 4, 5}).reshape({B, heads, N, dv});
}

StereoAttentionProcessor::StereoAttentionProcessor(AttentionDirection direction, int start_step, int groups)
    : direction_(direction), start_step_(start_step), groups_(groups) {
  if (groups < 1 || groups > 2) throw Error("The stereo attention supports 1 or 2 guidance halves.");
}

void StereoAttentionProcessor::setStep(int step) {
  step_ = step;
  explicit_step_ = true;
}

void StereoAttentionProcessor::countCall(const attn::AttentionCall& call) {
  if (explicit_step_ || call.layers_per_forward <= 0) return;
  if (call.layer_index + 1 == call.layers_per_forward) ++step_;
}

torch::Tensor StereoAttentionProcessor::attend(const attn::AttentionCall& call) {
  torch::Tensor out;
  if (call.is_cross || step_ < start_step_)
    out = attn::scaledDotProductAttention(call.q, call.k, call.v, call.scale, call.upcast);
  else
    out = stereoSelfAttention(call.q, call.k, call.v, call.scale, call.upcast, direction_, groups_);
  countCall(call);
  return out;
}

}  // namespace sds::stereo
