#include "core/verify/sdxl_case_inputs.h"

#include "core/base/error.h"

namespace sds::verify {
namespace {

std::optional<std::array<int, 2>> pairOf(const nlohmann::json& inputs, const char* key) {
  if (!inputs.contains(key) || inputs[key].is_null()) return std::nullopt;
  const auto& v = inputs[key];
  if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number())
    throw Error(std::string("inputs.") + key + " must be a pair of numbers");
  return std::array<int, 2>{v[0].get<int>(), v[1].get<int>()};
}

}  // namespace

pipelines::SdxlConditioning sdxlConditioningFromCase(const nlohmann::json& inputs) {
  pipelines::SdxlConditioning c;
  c.original_size = pairOf(inputs, "original_size");
  c.target_size = pairOf(inputs, "target_size");
  if (const auto crops = pairOf(inputs, "crops_coords_top_left")) c.crops_coords_top_left = *crops;
  c.no_negative_prompt = inputs.contains("negative_prompt") && inputs["negative_prompt"].is_null();
  return c;
}

}  // namespace sds::verify
