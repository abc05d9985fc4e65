#include "app/cli/media/generator_options.h"

#include "app/cli/dtype_option.h"
#include "core/engine/compute_device.h"

namespace sds::cli {

media::GeneratorModels generatorModels(const Args& a) {
  media::GeneratorModels m;
  m.sd_path = a.required("model");
  m.config_dir = a.get("config-dir", "");
  m.depth_path = a.get("depth-model", "");
  m.depth_input_size = a.integer("depth-input-size", 0);
  m.device = parseDevice(a.get("device", "cpu")).str();
  m.precision = dtypeOption(a);
  reportDtype(m.precision, parseDevice(m.device));
  return m;
}

media::LoadedModelSummary loadFor(media::Generator& generator, const Args& a, const media::GenerationRequest& request) {
  generator.check(request);  // first: a bad request is one error line, before any model talk
  generator.setModels(generatorModels(a));
  return generator.load(request.depth.empty());
}

std::string describeModel(const media::LoadedModelSummary& model, bool with_dtype) {
  return model.family + " (" + model.layout + ") on " + model.device + (with_dtype ? " " + model.dtype : "");
}

}  // namespace sds::cli
