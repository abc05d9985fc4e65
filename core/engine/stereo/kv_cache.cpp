#include "core/engine/stereo/kv_cache.h"

#include "core/base/error.h"

namespace sds::stereo {

LeftKvCache::LeftKvCache(int first_step, int last_step, int64_t budget_bytes)
    : first_step_(first_step), last_step_(last_step), budget_(budget_bytes),
      enabled_(budget_bytes > 0 && last_step >= first_step) {}

void LeftKvCache::clear() {
  entries_.clear();
  bytes_ = 0;
  first_step_bytes_ = 0;
}

void LeftKvCache::put(int step, int layer, const torch::Tensor& k, const torch::Tensor& v) {
  if (!wants(step)) return;
  const int64_t add = int64_t(k.numel() * k.element_size() + v.numel() * v.element_size());
  // Once the first step is complete, project the total so an oversized run
  // stops early instead of filling memory first.
  const int64_t steps = last_step_ - first_step_ + 1;
  const int64_t projected = step > first_step_ ? first_step_bytes_ * steps : 0;
  if (bytes_ + add > budget_ || projected > budget_) {
    clear();
    enabled_ = false;
    overflowed_ = true;
    return;
  }
  if (step == first_step_) first_step_bytes_ += add;
  // k, v are fresh per forward; keeping the references costs no copy.
  entries_[{step, layer}] = {k, v};
  bytes_ += add;
}

const std::pair<torch::Tensor, torch::Tensor>& LeftKvCache::get(int step, int layer) const {
  const auto it = entries_.find({step, layer});
  if (it == entries_.end())
    throw Error("The left-view attention cache has no entry for step " + std::to_string(step) + ", layer " +
                std::to_string(layer) + ".");
  return it->second;
}

bool LeftKvCache::complete(int layers_per_step) const {
  if (overflowed_ || last_step_ < first_step_) return false;
  return int64_t(entries_.size()) == int64_t(last_step_ - first_step_ + 1) * layers_per_step;
}

torch::Tensor KvRecordingProcessor::attend(const attn::AttentionCall& call) {
  if (!call.is_cross && cache_->wants(step_)) cache_->put(step_, call.layer_index, call.k, call.v);
  return attn::scaledDotProductAttention(call.q, call.k, call.v, call.scale, call.upcast);
}

torch::Tensor KvReplayProcessor::attend(const attn::AttentionCall& call) {
  if (call.is_cross || step_ < start_step_)
    return attn::scaledDotProductAttention(call.q, call.k, call.v, call.scale, call.upcast);
  const auto& kv = cache_->get(step_, call.layer_index);
  if (kv.first.sizes() != call.k.sizes())
    throw Error("The cached left-view keys do not match the right view's batch; re-run the left view.");
  return attn::scaledDotProductAttention(call.q, kv.first, kv.second, call.scale, call.upcast);
}

}  // namespace sds::stereo
