// Scheduler choice by name, as the CLI and the studio offer it.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/engine/schedulers/scheduler.h"

namespace sds::schedulers {

enum class SchedulerKind { Ddim, DpmPP2M, DpmPP2MKarras };

// "ddim" | "dpmpp-2m" | "dpmpp-2m-karras"; throws sds::Error for anything else.
SchedulerKind parseSchedulerKind(const std::string& name);
std::string schedulerKindName(SchedulerKind kind);
std::vector<std::string> schedulerKindNames();

// A scheduler of `kind` on the model's training noise schedule (its
// scheduler_config.json: betas, prediction type, spacing, offset).
std::unique_ptr<Scheduler> makeScheduler(SchedulerKind kind, const SchedulerConfig& config);

}  // namespace sds::schedulers
