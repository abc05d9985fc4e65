// Nesting jobs on one progress bar: a sub-job reports 0..1 of its own work,
// the caller places it into its share of the whole job.
#pragma once
#include <utility>

#include "core/base/progress.h"

namespace sds {

// A sub-job's progress placed into [begin, end) of the whole job's bar.
inline ProgressFn withinRange(ProgressFn fn, double begin, double end) {
  if (!fn) return {};
  return [fn = std::move(fn), begin, end](const Progress& p) {
    fn(Progress{p.stage, p.step, p.total, begin + (end - begin) * p.overall});
  };
}

}  // namespace sds
