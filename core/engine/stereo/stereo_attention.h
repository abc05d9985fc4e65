// The self-attention modification of StereoDiffusion (the official
// BNAttention of lez-s/StereoDiffusion stereoutils.py; shared/fixtures/
// stereo-ops/README.md section 2) as an attention processor of the engine's one
// attention hook.
//
// Batch layout of the UNet call (classifier-free guidance + stereo):
//   [uncond L (n), uncond R (n), cond L (n), cond R (n)]
// i.e. batch row = (group * 2 + view) * n + sample, with `groups` = 2 under CFG
// (1 without guidance). From `start_step` on, self-attention of each group is
// replaced by
//   one-way (Uni): queries of both views attend to the LEFT view's keys/values
//                  (the left view is unchanged, the right view reads the left);
//   two-way (Bi):  queries of both views attend to [left tokens ; right tokens].
// Cross-attention and every step before `start_step` stay plain attention.
#pragma once
#include <string>

#include "core/engine/pipelines/stereo_controls.h"
#include "models/attention/attention_processor.h"

namespace sds::stereo {

// "uni"/"one-way" or "bi"/"two-way"; throws sds::Error otherwise.
AttentionDirection parseAttentionDirection(const std::string& text);
std::string toString(AttentionDirection d);

class StereoAttentionProcessor : public attn::AttentionProcessor {
 public:
  // groups: 2 when the batch holds [uncond, cond] halves, 1 for a single half.
  StereoAttentionProcessor(AttentionDirection direction, int start_step, int groups = 2);

  // The denoising step of the next UNet calls (set by the pipeline before each
  // step). Without it the processor counts its calls: step = calls / layers
  // per forward, as the official editor does with the real layer count.
  void setStep(int step);
  int step() const { return step_; }
  bool active() const { return step_ >= start_step_; }

  // q, k, v: [groups * 2 * n, heads, tokens, head_dim] -> same shape as q.
  torch::Tensor attend(const attn::AttentionCall& call) override;

 private:
  void countCall(const attn::AttentionCall& call);

  AttentionDirection direction_;
  int start_step_;
  int groups_;
  int step_ = 0;
  bool explicit_step_ = false;
};

// The modified self-attention itself, for callers with their own step logic.
// q, k, v: [groups * 2 * n, heads, tokens, head_dim] -> [groups * 2 * n, heads, tokens, head_dim].
torch::Tensor stereoSelfAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                  double scale, bool upcast, AttentionDirection direction, int groups);

}  // namespace sds::stereo
