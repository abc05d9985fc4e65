#include "models/depth/depth_anything3_keys.h"

namespace sds::depth {
namespace {

const std::string kModel = "model.";
const std::string kBackbone = "backbone.pretrained.";
const std::string kHead = "head.";

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::string withoutModelPrefix(const std::string& key) {
  return startsWith(key, kModel) ? key.substr(kModel.size()) : key;
}

}  // namespace

bool looksLikeDepthAnything3(const io::WeightSource& source) {
  for (const auto& key : source.names())
    if (startsWith(withoutModelPrefix(key), kBackbone)) return true;
  return false;
}

std::optional<std::string> officialKeyForDa3(const std::string& da3_key) {
  const std::string key = withoutModelPrefix(da3_key);
  if (startsWith(key, kBackbone)) return "pretrained." + key.substr(kBackbone.size());
  if (startsWith(key, kHead)) return "depth_head." + key.substr(kHead.size());
  return std::nullopt;
}

std::string da3KeyForOfficial(const std::string& official_key, bool prefixed) {
  const std::string pre = prefixed ? kModel : "";
  if (startsWith(official_key, "pretrained.")) return pre + kBackbone + official_key.substr(11);
  if (startsWith(official_key, "depth_head.")) return pre + kHead + official_key.substr(11);
  return official_key;
}

bool hasDa3ModelPrefix(const io::WeightSource& da3) {
  for (const auto& key : da3.names())
    if (officialKeyForDa3(key) && !startsWith(key, kModel)) return false;
  return true;
}

io::WeightSource da3ToOfficial(const io::WeightSource& da3) {
  io::WeightSource out;
  out.setDescription(da3.description());
  for (const auto& key : da3.names()) out.add(officialKeyForDa3(key).value_or(key), da3.entry(key));
  return out;
}

}  // namespace sds::depth
