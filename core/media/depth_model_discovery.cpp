#include "core/media/depth_model_discovery.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <system_error>

#include "core/base/error.h"
#include "core/engine/depth/depth_model_info.h"

namespace sds::media {
namespace fs = std::filesystem;
namespace {

// A folder of many thousands of entries is not a models folder; stop early.
constexpr int kMaxEntriesPerFolder = 2000;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

bool isDir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

std::vector<fs::path> entries(const fs::path& folder) {
  std::vector<fs::path> out;
  std::error_code ec;
  fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end && int(out.size()) < kMaxEntriesPerFolder; it.increment(ec)) out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

// snapshots/<rev> of a hub repo: the one refs/main names, else the newest.
std::optional<fs::path> snapshotOf(const fs::path& repo) {
  std::ifstream ref(repo / "refs" / "main");
  std::string rev;
  if (ref && std::getline(ref, rev) && !rev.empty() && rev.size() <= 64 &&
      rev.find_first_of("/\\.") == std::string::npos && isDir(repo / "snapshots" / rev))
    return repo / "snapshots" / rev;
  std::optional<fs::path> newest;
  fs::file_time_type newest_time{};
  for (const auto& s : entries(repo / "snapshots")) {
    std::error_code ec;
    const auto t = fs::last_write_time(s, ec);
    if (!ec && isDir(s) && (!newest || t > newest_time)) newest = s, newest_time = t;
  }
  return newest;
}

DepthModelEncoder encoderOf(depth::DepthEncoder e) {
  switch (e) {
    case depth::DepthEncoder::Small: return DepthModelEncoder::Small;
    case depth::DepthEncoder::Base: return DepthModelEncoder::Base;
    case depth::DepthEncoder::Large: return DepthModelEncoder::Large;
    case depth::DepthEncoder::Giant: return DepthModelEncoder::Giant;
    default: return DepthModelEncoder::Custom;
  }
}

class Collector {
 public:
  void add(const fs::path& path, const std::string& repo = {}) {
    std::error_code ec;
    const fs::path key = fs::weakly_canonical(path, ec);
    if (!seen_.insert(ec ? path.string() : key.string()).second) return;
    auto found = describeDepthModelAt(path.string());
    if (!found) return;
    found->repo = repo;
    models_.push_back(*found);
  }
  std::vector<FoundDepthModel> take() {
    std::stable_sort(models_.begin(), models_.end(), [](const FoundDepthModel& a, const FoundDepthModel& b) {
      return a.preference != b.preference ? a.preference > b.preference : a.path < b.path;
    });
    return std::move(models_);
  }

 private:
  std::set<std::string> seen_;
  std::vector<FoundDepthModel> models_;
};

bool isSafetensors(const fs::path& p) { return p.extension() == ".safetensors"; }

}  // namespace

std::string huggingFaceHubFolder() {
  if (const std::string hub = env("HF_HUB_CACHE"); !hub.empty()) return hub;
  if (const std::string home = env("HF_HOME"); !home.empty()) return (fs::path(home) / "hub").string();
  if (const std::string cache = env("XDG_CACHE_HOME"); !cache.empty())
    return (fs::path(cache) / "huggingface" / "hub").string();
  const std::string home = env("HOME");
  return home.empty() ? std::string() : (fs::path(home) / ".cache" / "huggingface" / "hub").string();
}

std::optional<FoundDepthModel> describeDepthModelAt(const std::string& path) {
  try {
    const depth::DepthModelInfo info = depth::readDepthModelInfo(path);
    FoundDepthModel m;
    m.path = path;
    m.family = info.family == depth::DepthFamily::Anything3 ? DepthModelFamily::Anything3 : DepthModelFamily::AnythingV2;
    m.encoder = encoderOf(info.encoder);
    m.embed_dim = info.embed_dim;
    m.metric = info.metric;
    m.loadable = info.monocular;
    m.licence = info.licence;
    m.permissive = info.permissive;
    m.preference = info.preference;
    return m;
  } catch (const Error&) {
    return std::nullopt;  // not a Depth Anything model: not listed
  } catch (const std::exception&) {
    return std::nullopt;  // unreadable folder or file
  }
}

std::vector<FoundDepthModel> findDepthModels(const std::vector<std::string>& model_folders, const std::string& hf_hub) {
  Collector found;
  for (const auto& folder : model_folders) {
    if (folder.empty() || !isDir(folder)) continue;
    found.add(folder);
    for (const auto& e : entries(folder))
      if (isDir(e) || isSafetensors(e)) found.add(e);
  }
  if (!hf_hub.empty() && isDir(hf_hub)) {
    for (const auto& repo : entries(hf_hub)) {
      const std::string name = repo.filename().string();
      if (name.rfind("models--", 0) != 0 || !isDir(repo)) continue;
      const auto snapshot = snapshotOf(repo);
      if (!snapshot) continue;
      std::string id = name.substr(8);
      if (const auto sep = id.find("--"); sep != std::string::npos) id.replace(sep, 2, "/");
      found.add(*snapshot, id);
    }
  }
  return found.take();
}

int defaultDepthModel(const std::vector<FoundDepthModel>& found) {
  for (size_t i = 0; i < found.size(); ++i)
    if (found[i].loadable) return int(i);
  return -1;
}

}  // namespace sds::media
