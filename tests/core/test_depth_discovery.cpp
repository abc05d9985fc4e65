// The depth models a user has (core/media/depth_model_discovery.h): a studio
// models folder and a fake Hugging Face cache (models--org--name/snapshots/<rev>
// with refs/main and blobs behind symlinks), built in a temporary folder from
// the tiny models of tests/data; the licence of each and the default choice.
#include <QtTest/QtTest>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/engine/depth/depth_model_info.h"
#include "core/media/depth_model_discovery.h"
#include "models/depth/depth_anything_probe.h"

namespace fs = std::filesystem;
using namespace sds;

namespace {

const fs::path kData = fs::path(SDSTEREO_TEST_DATA);

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// A hub repo whose snapshot `rev` holds config.json and model.safetensors as
// symlinks into blobs/, as huggingface_hub stores them.
fs::path hubRepo(const fs::path& hub, const std::string& id, const std::string& rev, const std::string& config,
                 const fs::path& weights) {
  std::string folder = "models--" + id;
  folder.replace(folder.find('/'), 1, "--");
  const fs::path repo = hub / folder, snapshot = repo / "snapshots" / rev;
  write(repo / "blobs" / (rev + "-config"), config);
  fs::create_directories(snapshot);
  if (weights.empty()) write(repo / "blobs" / (rev + "-weights"), "not a safetensors file");
  else fs::copy_file(weights, repo / "blobs" / (rev + "-weights"));
  fs::create_symlink(fs::path("../../blobs") / (rev + "-config"), snapshot / "config.json");
  fs::create_symlink(fs::path("../../blobs") / (rev + "-weights"), snapshot / "model.safetensors");
  write(repo / "refs" / "main", rev);
  return snapshot;
}

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

class DepthDiscoveryTest : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  fs::path root_;

  fs::path hub() const { return root_ / "hf" / "hub"; }
  fs::path studio() const { return root_ / "studio-models"; }

 private Q_SLOTS:
  void initTestCase() {
    root_ = dir_.path().toStdString();
    // The studio's models folder: the tiny V2 model, and a text encoder that is no depth model.
    const fs::path v2 = studio() / "v2-tiny";
    fs::create_directories(v2);
    fs::copy_file(kData / "depth-anything-v2-tiny" / "config.json", v2 / "config.json");
    fs::copy_file(kData / "depth-anything-v2-tiny" / "model.safetensors", v2 / "model.safetensors");
    write(studio() / "clip" / "config.json", R"({"model_type": "clip_text_model"})");
    write(studio() / "clip" / "model.safetensors", "garbage");
    write(studio() / "notes.txt", "not a model");
    // The hub: released DA3 models (their config names the preset; the weights are
    // never opened, so a placeholder stands in), the tiny DA3 model, and a
    // diffusers repo without top-level weights.
    hubRepo(hub(), "depth-anything/DA3MONO-LARGE", "aaa", R"({"model_name": "da3mono-large"})", {});
    hubRepo(hub(), "depth-anything/DA3METRIC-LARGE", "bbb", R"({"model_name": "da3metric-large"})", {});
    hubRepo(hub(), "depth-anything/DA3-LARGE", "ccc", R"({"model_name": "da3-large"})", {});
    hubRepo(hub(), "someone/da3-tiny", "ddd", readAll(kData / "depth-anything-3-tiny" / "config.json"),
            kData / "depth-anything-3-tiny" / "model.safetensors");
    // An older snapshot that refs/main does not name is not listed.
    fs::create_directories(hub() / "models--someone--da3-tiny" / "snapshots" / "old");
    write(hub() / "models--runwayml--stable-diffusion-v1-5" / "snapshots" / "eee" / "model_index.json", "{}");
    write(hub() / "datasets--x--y" / "snapshots" / "fff" / "config.json", R"({"model_name": "da3mono-large"})");
  }

  void probeReadsThePresetWithoutTheWeights() {
    const auto snapshot = hub() / "models--depth-anything--DA3METRIC-LARGE" / "snapshots" / "bbb";
    const auto probe = depth::probeDepthAnything(snapshot.string());
    QVERIFY(probe.family == depth::DepthFamily::Anything3 && probe.metric && probe.monocular && !probe.read_header);
    QCOMPARE(probe.embed_dim, 1024);
    // Without a preset the header is read, and the sizes are the file's.
    const auto tiny = depth::probeDepthAnything((kData / "depth-anything-3-tiny").string());
    QVERIFY(tiny.read_header && tiny.embed_dim == 48 && tiny.depth == 5 && !tiny.metric);
    // Another model's folder is refused from its config.json alone.
    bool refused = false;
    try {
      depth::probeDepthAnything((studio() / "clip").string());
    } catch (const Error& e) {
      refused = std::string(e.what()).find("'clip_text_model' model, not Depth Anything") != std::string::npos;
    }
    QVERIFY(refused);
  }

  void findsAndRanksTheModels() {
    const auto found = media::findDepthModels({studio().string(), (root_ / "absent").string()}, hub().string());
    QStringList order;
    for (const auto& m : found) order << QString::fromStdString(m.repo.empty() ? fs::path(m.path).filename().string() : m.repo);
    QCOMPARE(order, QStringList({"depth-anything/DA3MONO-LARGE", "depth-anything/DA3METRIC-LARGE", "someone/da3-tiny",
                                 "v2-tiny", "depth-anything/DA3-LARGE"}));
    const auto& mono = found[0];
    QVERIFY(mono.family == media::DepthModelFamily::Anything3 && mono.encoder == media::DepthModelEncoder::Large);
    QVERIFY(!mono.metric && mono.loadable && mono.permissive);
    QCOMPARE(mono.licence, std::string("Apache-2.0"));
    QCOMPARE(fs::path(mono.path), hub() / "models--depth-anything--DA3MONO-LARGE" / "snapshots" / "aaa");
    QVERIFY(found[1].metric && found[1].permissive);
    QVERIFY(found[2].encoder == media::DepthModelEncoder::Custom && found[2].licence.empty() && found[2].loadable);
    QVERIFY(found[3].family == media::DepthModelFamily::AnythingV2 && found[3].embed_dim == 48);
    // The any-view DA3-Large is listed with its non-commercial licence, but never the default.
    QVERIFY(!found[4].loadable && !found[4].permissive);
    QCOMPARE(found[4].licence, std::string("CC-BY-NC-4.0"));
    QCOMPARE(media::defaultDepthModel(found), 0);
  }

  void defaultIsTheBestLoadableModel() {
    auto found = media::findDepthModels({studio().string()}, hub().string());
    found.erase(found.begin());  // without DA3Mono-Large: the metric one
    QCOMPARE(media::defaultDepthModel(found), 0);
    QVERIFY(found[0].metric);
    found = media::findDepthModels({studio().string()}, {});
    QCOMPARE(found.size(), size_t(1));
    QCOMPARE(fs::path(found[0].path).filename().string(), std::string("v2-tiny"));
    found.clear();
    QCOMPARE(media::defaultDepthModel(found), -1);
    QVERIFY(!media::describeDepthModelAt((root_ / "absent").string()));
    // The same model reached twice (a studio folder inside the cache) is listed once.
    const auto twice = media::findDepthModels({studio().string(), studio().string()}, {});
    QCOMPARE(twice.size(), size_t(1));
  }

  void licencesAndRanking() {
    const auto info = [](depth::DepthFamily family, int d, int blocks, bool metric, bool monocular = true) {
      depth::DepthModelProbe p;
      p.family = family, p.embed_dim = d, p.depth = blocks, p.metric = metric, p.monocular = monocular;
      return depth::depthModelInfo(p);
    };
    using F = depth::DepthFamily;
    const auto v2s = info(F::AnythingV2, 384, 12, false), v2b = info(F::AnythingV2, 768, 12, false),
               v2l = info(F::AnythingV2, 1024, 24, false), v2g = info(F::AnythingV2, 1536, 40, false);
    const auto mono = info(F::Anything3, 1024, 24, false), metric = info(F::Anything3, 1024, 24, true);
    const auto da3s = info(F::Anything3, 384, 12, false, false), da3b = info(F::Anything3, 768, 12, false, false),
               da3l = info(F::Anything3, 1024, 24, false, false), da3g = info(F::Anything3, 1536, 40, false, false);
    for (const auto* i : {&v2s, &mono, &metric, &da3s, &da3b}) QCOMPARE(i->licence, std::string("Apache-2.0"));
    for (const auto* i : {&v2b, &v2l, &v2g, &da3l, &da3g}) QCOMPARE(i->licence, std::string("CC-BY-NC-4.0"));
    QCOMPARE(metric.variant, std::string("Metric-Large"));
    QCOMPARE(da3s.name(), std::string("Depth Anything 3 Small"));
    // Permissive first, then the newer family, then the larger encoder; any-view never.
    QVERIFY(mono.preference > metric.preference && metric.preference > v2s.preference);
    QVERIFY(v2s.preference > v2g.preference && v2g.preference > v2l.preference && v2l.preference > v2b.preference);
    QVERIFY(da3s.preference == 0 && da3g.preference == 0);
  }

  void hubFolderFromTheEnvironment() {
    const QByteArray home = qgetenv("HF_HOME"), hub_cache = qgetenv("HF_HUB_CACHE");
    qunsetenv("HF_HUB_CACHE");
    qputenv("HF_HOME", "/somewhere/hf");
    QCOMPARE(media::huggingFaceHubFolder(), std::string("/somewhere/hf/hub"));
    qputenv("HF_HUB_CACHE", "/cache/hub");
    QCOMPARE(media::huggingFaceHubFolder(), std::string("/cache/hub"));
    if (hub_cache.isNull()) qunsetenv("HF_HUB_CACHE");
    else qputenv("HF_HUB_CACHE", hub_cache);
    if (home.isNull()) qunsetenv("HF_HOME");
    else qputenv("HF_HOME", home);
  }
};

QTEST_GUILESS_MAIN(DepthDiscoveryTest)
#include "test_depth_discovery.moc"
