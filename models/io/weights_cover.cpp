#include "models/io/weights_cover.h"

#include <cmath>
#include <sstream>

#include "core/base/error.h"

namespace sds::io {

double totalElements(const WeightSource& weights) {
  double total = 0;
  for (const auto& name : weights.names()) {
    double n = 1;
    for (int64_t d : weights.entry(name).shape) n *= double(d);
    total += n;
  }
  return total;
}

void requireWeightsHold(const WeightSource& weights, double min_parameters, const std::string& what) {
  const double held = totalElements(weights);
  if (std::isfinite(min_parameters) && min_parameters <= held) return;
  std::ostringstream msg;
  msg.precision(3);
  msg << what << " needs at least " << min_parameters << " parameters, but " << weights.description() << " holds only "
      << held << "; the configuration does not describe these weights.";
  throw Error(msg.str());
}

}  // namespace sds::io
