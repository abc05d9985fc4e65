#include "core/engine/schedulers/scheduler_factory.h"

#include "core/engine/schedulers/ddim.h"
#include "core/engine/schedulers/dpm_solver_multistep.h"
#include "core/base/error.h"

namespace sds::schedulers {

SchedulerKind parseSchedulerKind(const std::string& name) {
  if (name == "ddim") return SchedulerKind::Ddim;
  if (name == "dpmpp-2m") return SchedulerKind::DpmPP2M;
  if (name == "dpmpp-2m-karras") return SchedulerKind::DpmPP2MKarras;
  throw Error("Unknown scheduler '" + name + "' (use ddim, dpmpp-2m or dpmpp-2m-karras).");
}

std::string schedulerKindName(SchedulerKind kind) {
  switch (kind) {
    case SchedulerKind::Ddim: return "ddim";
    case SchedulerKind::DpmPP2M: return "dpmpp-2m";
    case SchedulerKind::DpmPP2MKarras: return "dpmpp-2m-karras";
  }
  return "ddim";
}

std::vector<std::string> schedulerKindNames() { return {"ddim", "dpmpp-2m", "dpmpp-2m-karras"}; }

std::unique_ptr<Scheduler> makeScheduler(SchedulerKind kind, const SchedulerConfig& config) {
  switch (kind) {
    case SchedulerKind::Ddim: return std::make_unique<DdimScheduler>(config);
    case SchedulerKind::DpmPP2M: return std::make_unique<DpmSolverMultistepScheduler>(config);
    case SchedulerKind::DpmPP2MKarras: {
      DpmSolverOptions o;
      o.use_karras_sigmas = true;
      return std::make_unique<DpmSolverMultistepScheduler>(config, o);
    }
  }
  throw Error("Unknown scheduler kind.");
}

}  // namespace sds::schedulers
