// A cheap check before a module is built: the parameters its config implies
// must fit in the weights that will fill it. A config that declares 1e9
// channels, or a file whose empty tensors declare an 8192-wide encoder, is
// refused here with both numbers instead of allocating gigabytes first (the
// exact shapes are checked by loadModule once the module exists).
#pragma once
#include <string>

#include "models/io/weights.h"

namespace sds::io {

// Sum of the element counts of every tensor in `weights` (saturating).
double totalElements(const WeightSource& weights);

// Throws sds::Error "<what> needs at least N parameters, but <weights> holds only M ..."
// when `min_parameters` (a lower bound from the config) exceeds totalElements.
void requireWeightsHold(const WeightSource& weights, double min_parameters, const std::string& what);

}  // namespace sds::io
