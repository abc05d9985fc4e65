// Progress reporting and cooperative cancellation for long jobs (no Qt, no torch).
// A job checks its CancelToken between steps (every denoising step at least) and
// throws sds::Cancelled; the UI layer turns progress into signals.
#pragma once
#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "core/base/error.h"

namespace sds {

struct Progress {
  std::string stage;   // e.g. "left view", "depth", "right view", "inversion"
  int step = 0;        // steps done in this stage
  int total = 0;       // steps in this stage
  double overall = 0;  // 0..1 over the whole job, stages weighted by cost
};

using ProgressFn = std::function<void(const Progress&)>;

// Copies share one flag, so the UI keeps a copy and the worker another.
class CancelToken {
 public:
  CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  void cancel() const { flag_->store(true, std::memory_order_relaxed); }
  void reset() const { flag_->store(false, std::memory_order_relaxed); }
  bool cancelled() const { return flag_->load(std::memory_order_relaxed); }
  void throwIfCancelled() const {
    if (cancelled()) throw Cancelled();
  }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

// Reports steps of one stage that covers [begin, end) of the whole job's bar.
class StageReporter {
 public:
  StageReporter(ProgressFn fn, std::string stage, int total, double begin, double end)
      : fn_(std::move(fn)), stage_(std::move(stage)), total_(total), begin_(begin), end_(end) {}
  void report(int step) const {
    if (!fn_) return;
    const double frac = total_ > 0 ? double(step) / total_ : 1.0;
    fn_(Progress{stage_, step, total_, begin_ + (end_ - begin_) * frac});
  }

 private:
  ProgressFn fn_;
  std::string stage_;
  int total_;
  double begin_, end_;
};

}  // namespace sds
