// The K/V-cache fast path of one-way txt2stereo.
//
// In one-way mode (without shift_both) the left view of the stereo pass follows
// exactly pass 1's trajectory, and the right view's self-attention reads only
// the left view's keys/values. So pass 1 (batch [uncond L, cond L]) records its
// self-attention K/V per step and layer from the shift step on, and pass 2 runs
// the UNet on the right view alone (batch [uncond R, cond R]) with a processor
// that attends to the recorded left K/V: the same numbers as the two-view
// batch at about half its cost.
#pragma once
#include <cstdint>
#include <map>
#include <utility>

#include "models/attention/attention_processor.h"

namespace sds::stereo {

class LeftKvCache {
 public:
  // Records steps first_step .. last_step (inclusive) while the projected size
  // stays within budget_bytes (<= 0: record nothing).
  LeftKvCache(int first_step, int last_step, int64_t budget_bytes);

  bool wants(int step) const { return enabled_ && step >= first_step_ && step <= last_step_; }
  // k, v: [B, heads, tokens, head_dim]. Drops everything (and stops) when the
  // projected size of all steps exceeds the budget.
  void put(int step, int layer, const torch::Tensor& k, const torch::Tensor& v);
  // Throws sds::Error when the entry is missing.
  const std::pair<torch::Tensor, torch::Tensor>& get(int step, int layer) const;
  bool has(int step, int layer) const { return entries_.count({step, layer}) != 0; }

  // True when every step first..last holds `layers` entries.
  bool complete(int layers_per_step) const;
  bool overflowed() const { return overflowed_; }
  int firstStep() const { return first_step_; }
  int lastStep() const { return last_step_; }
  int64_t bytes() const { return bytes_; }
  void clear();

 private:
  int first_step_, last_step_;
  int64_t budget_;
  bool enabled_;
  bool overflowed_ = false;
  int64_t bytes_ = 0;
  int64_t first_step_bytes_ = 0;
  std::map<std::pair<int, int>, std::pair<torch::Tensor, torch::Tensor>> entries_;
};

// Pass 1: plain attention everywhere; self-attention K/V of the wanted steps go
// to the cache. The pipeline sets the step before each UNet call.
class KvRecordingProcessor : public attn::AttentionProcessor {
 public:
  explicit KvRecordingProcessor(std::shared_ptr<LeftKvCache> cache) : cache_(std::move(cache)) {}
  void setStep(int step) { step_ = step; }
  torch::Tensor attend(const attn::AttentionCall& call) override;

 private:
  std::shared_ptr<LeftKvCache> cache_;
  int step_ = 0;
};

// Pass 2 fast path: the batch holds the right view only ([uncond R, cond R],
// the same order as pass 1's [uncond L, cond L]); from start_step on its
// self-attention attends to the cached left K/V of the same step and layer.
class KvReplayProcessor : public attn::AttentionProcessor {
 public:
  KvReplayProcessor(std::shared_ptr<const LeftKvCache> cache, int start_step)
      : cache_(std::move(cache)), start_step_(start_step) {}
  void setStep(int step) { step_ = step; }
  torch::Tensor attend(const attn::AttentionCall& call) override;

 private:
  std::shared_ptr<const LeftKvCache> cache_;
  int start_step_;
  int step_ = 0;
};

}  // namespace sds::stereo
