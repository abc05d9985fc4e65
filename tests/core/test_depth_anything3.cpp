// Depth Anything 3 (monocular): loading the release layout (with and without
// the `model.` prefix, detected from the keys), the network and its sky fill
// against tests/data/depth-anything-3-tiny (a copy of the reference set), the
// two-step uint8 preprocessing, the depth -> disparity convention the stereo
// pipelines rely on, the metric scaling, and files that do not fit.
#include <QtTest/QtTest>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <sstream>
#include <torch/torch.h>
#include <unistd.h>

#include "core/engine/depth/depth_estimator.h"
#include "core/engine/depth/depth_model_info.h"
#include "core/engine/depth/depth_preprocess_torch.h"
#include "core/engine/depth/depth_size_rule.h"
#include "core/engine/depth/depth_to_disparity.h"
#include "core/media/depth_estimation.h"
#include "core/media/internal/depth_preprocess_da3.h"
#include "core/verify/kinds.h"
#include "core/base/error.h"
#include "models/depth/depth_anything3_keys.h"
#include "models/depth/depth_anything_config.h"
#include "models/depth/depth_anything_loader.h"
#include "models/depth/sky_fill.h"
#include "models/io/safetensors.h"

namespace fs = std::filesystem;
using namespace sds;

namespace {

const fs::path kSet = fs::path(SDSTEREO_TEST_DATA) / "depth-anything-3-tiny";
const fs::path kV2 = fs::path(SDSTEREO_TEST_DATA) / "depth-anything-v2-tiny";

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("not an sds::Error: ") + e.what();
  }
  return "(no exception)";
}
#define VERIFY_THROWS(expr, needle)                                                                    \
  do {                                                                                                 \
    const std::string what_ = errorOf([&] { (void)(expr); });                                          \
    QVERIFY2(what_.find(needle) != std::string::npos,                                                  \
             (std::string("expected an error mentioning '") + (needle) + "', got: " + what_).c_str()); \
  } while (0)

// |a - b| <= atol + rtol |b| everywhere, compared in b's shape.
bool within(const torch::Tensor& a, const torch::Tensor& b, double atol, double rtol) {
  if (a.numel() != b.numel()) return false;
  const auto x = a.reshape(b.sizes()).to(torch::kFloat64), y = b.to(torch::kFloat64);
  return ((x - y).abs() <= atol + rtol * y.abs()).all().item<bool>();
}

torch::Tensor caseTensor(const std::string& file, const std::string& name) {
  return io::SafetensorsFile::open((kSet / "cases" / file).string())->tensor(name);
}

depth::DepthAnythingOutput run(depth::DepthAnythingV2& model, const torch::Tensor& input, depth::DepthTrace* trace = nullptr) {
  c10::InferenceMode guard;
  return model.run(input.flatten(0, 1), trace);  // [B, S, 3, H, W] -> B*S images
}

}  // namespace

class TestDepthAnything3 : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    dir_ = fs::temp_directory_path() / ("sds_test_da3_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    loaded_ = depth::loadDepthAnything(kSet.string());
  }
  void cleanupTestCase() { fs::remove_all(dir_); }

  // ---- loading ----

  void configComesFromTheWeightsAndConfigJson() {
    QVERIFY(loaded_.layout == depth::DepthWeightLayout::DepthAnything3);
    const auto& c = loaded_.model->config();
    QVERIFY(c.family == depth::DepthFamily::Anything3);
    QCOMPARE(c.embed_dim, 48);
    QCOMPARE(c.depth, 5);
    QCOMPARE(c.num_heads, 3);
    QCOMPARE(c.mlp_hidden, 192);
    QVERIFY((c.layer_indices == std::vector<int>{1, 2, 3, 4}));
    QVERIFY((c.out_channels == std::vector<int>{12, 24, 32, 48}));
    QCOMPARE(c.features, 16);
    QCOMPARE(c.final_norm_eps, 1e-5);
    QCOMPARE(c.layer_norm_eps, 1e-6);
    QVERIFY(!c.fusion4_residual1);
    QVERIFY(c.sky_head);
    QVERIFY(!c.metric);
    QCOMPARE(c.model_name, std::string("da3mono-large"));
  }

  void keysFollowTheSetsKeyMap() {
    std::ifstream in(kSet / "model_key_map.json");
    const auto map = nlohmann::json::parse(in).at("map");
    QVERIFY(map.size() >= 100);
    for (auto it = map.begin(); it != map.end(); ++it) {
      const auto official = depth::officialKeyForDa3(it.key());
      QVERIFY2(official.has_value(), it.key().c_str());
      if (it.value().is_string())
        QCOMPARE(*official, it.value().get<std::string>());
      else  // the sky branch has no V2 counterpart: it keeps its own name under depth_head
        QVERIFY2(official->find("sky_output_conv2") != std::string::npos, official->c_str());
      QCOMPARE(depth::da3KeyForOfficial(*official, true), it.key());
    }
    QVERIFY(!depth::officialKeyForDa3("model.cam_enc.weight").has_value());
  }

  void loadsKeysWithoutTheModelPrefix() {
    const auto dir = copyEdited("no_prefix", [](auto& tensors) {
      for (auto& kv : tensors) kv.first = kv.first.substr(std::string("model.").size());
    });
    const auto plain = depth::loadDepthAnything(dir.string());
    QVERIFY(plain.layout == depth::DepthWeightLayout::DepthAnything3);
    const auto input = caseTensor("rand_56x84.safetensors", "input");
    QVERIFY(torch::equal(run(*plain.model, input).depth, run(*loaded_.model, input).depth));
  }

  void sizesWithoutConfigJsonNeedOne() {
    const auto dir = dir_ / "no_config";
    fs::create_directories(dir);
    fs::copy_file(kSet / "model.safetensors", dir / "model.safetensors", fs::copy_options::overwrite_existing);
    // 5 blocks of width 48: neither the heads nor the feeding blocks follow from a release preset.
    VERIFY_THROWS(depth::loadDepthAnything(dir.string()), "config.json");
  }

  // ---- the network ----

  void everyStageOfTheDebugCase() {
    const std::string file = "rand_56x84.safetensors";
    depth::DepthTrace trace;
    const auto out = run(*loaded_.model, caseTensor(file, "input"), &trace);
    QVERIFY(within(out.head_depth, caseTensor(file, "head.depth"), 2e-4, 1e-4));
    QVERIFY(within(out.sky, caseTensor(file, "head.sky"), 8e-5, 1e-4));
    QVERIFY(within(out.depth, caseTensor(file, "depth"), 5e-4, 1e-4));
    const auto ref = io::SafetensorsFile::open((kSet / "cases" / file).string());
    int stages = 0;
    for (const auto& info : ref->tensors()) {
      if (info.name.rfind("dbg.", 0) != 0) continue;
      const auto it = trace.tensors.find(info.name.substr(4));
      QVERIFY2(it != trace.tensors.end(), info.name.c_str());
      QVERIFY2(within(it->second, ref->tensor(info.name), 2e-4, 1e-4), info.name.c_str());
      ++stages;
    }
    QVERIFY(stages >= 30);
  }

  void finalNormUsesItsOwnEps() {
    // The small tokens have a per-token variance near 1e-6: eps 1e-6 instead of 1e-5 is far off.
    const auto file = io::SafetensorsFile::open((kSet / "cases" / "layer_probe.safetensors").string());
    c10::InferenceMode guard;
    const auto got = loaded_.model->backbone().finalNorm(file->tensor("probe.tokens_small"));
    QVERIFY(within(got, file->tensor("probe.norm_small"), 6e-5, 1e-4));
    const auto block = loaded_.model->backbone().runBlock(0, file->tensor("probe.tokens_small"));
    QVERIFY(within(block, file->tensor("probe.block0_small"), 6e-5, 1e-4));
  }

  // ---- the sky fill ----

  void skyFillTakesTheExactQuantileOverTheWholeBatch() {
    for (const std::string file : {"rand_b2_42x42.safetensors", "rand_s2_28x70.safetensors"}) {
      const auto out = run(*loaded_.model, caseTensor(file, "input"));
      QVERIFY2(within(out.depth, caseTensor(file, "depth"), 5e-4, 1e-4), file.c_str());
      // Every sky pixel holds the same far value, the 0.99 quantile of the rest of the batch.
      const auto sky = out.sky >= 0.3;
      QVERIFY(sky.any().item<bool>());
      const auto filled = out.depth.masked_select(sky);
      const double far = depth::exactQuantile(out.head_depth.masked_select(sky.logical_not()), 0.99);
      QVERIFY(torch::allclose(filled, torch::full_like(filled, far)));
      // Per image it would differ: the quantile is over the batch.
      const double first = depth::exactQuantile(out.head_depth[0].masked_select(sky[0].logical_not()), 0.99);
      QVERIFY(std::abs(first - far) > 1e-6);
    }
  }

  void exactQuantileInterpolatesOrderStatistics() {
    QCOMPARE(depth::exactQuantile(torch::arange(101, torch::kFloat32).flip(0), 0.99), 99.0);
    QCOMPARE(depth::exactQuantile(torch::tensor({4.f, 1.f, 3.f, 2.f}), 0.5), 2.5);
    QCOMPARE(depth::exactQuantile(torch::tensor({7.f}), 0.99), 7.0);
    // 0.99 * 9 = 8.91: 91 % of the way from the 9th to the 10th value.
    QVERIFY(std::abs(depth::exactQuantile(torch::arange(10, torch::kFloat32) * 10, 0.99) - 89.1) < 1e-4);
    VERIFY_THROWS(depth::exactQuantile(torch::zeros({0}), 0.5), "non-empty");
  }

  void skyFillNeedsMoreThanTenPixelsOnEachSide() {
    const auto depth_map = torch::arange(100, torch::kFloat32).view({10, 10}) + 1;
    auto sky = torch::zeros({10, 10});
    sky.view({-1}).slice(0, 0, 10).fill_(1.0);  // exactly 10 sky pixels: no fill
    QVERIFY(torch::equal(depth::fillSky(depth_map, sky), depth_map));
    sky.view({-1}).slice(0, 0, 11).fill_(0.3);  // 11 at the threshold: sky
    const auto filled = depth::fillSky(depth_map, sky);
    const double far = depth::exactQuantile(depth_map.view({-1}).slice(0, 11), 0.99);
    QCOMPARE(filled.view({-1})[0].item<float>(), float(far));
    QCOMPARE(filled.view({-1})[11].item<float>(), 12.0f);
  }

  // ---- preprocessing ----

  void sizeRuleMatchesEveryReferenceProbe() {
    std::ifstream in(kSet / "cases" / "size_rule.json");
    const auto rules = nlohmann::json::parse(in);
    QVERIFY(rules["entries"].size() >= 10);
    for (const auto& e : rules["entries"]) {
      const auto got = depth::da3NetworkSize(e["h"], e["w"], e["process_res"]);
      QCOMPARE(got.resized_height, e["resized_h"].get<int>());
      QCOMPARE(got.resized_width, e["resized_w"].get<int>());
      QCOMPARE(got.height, e["net_h"].get<int>());
      QCOMPARE(got.width, e["net_w"].get<int>());
    }
    // 640x480 at 504: 378 exactly; a tie (7 from both multiples) goes up.
    QCOMPARE(depth::da3NetworkSize(480, 640, 504).height, 378);
    QCOMPARE(depth::da3NetworkSize(21, 504, 504).height, 28);
    VERIFY_THROWS(depth::da3NetworkSize(0, 10, 504), "empty image");
  }

  void referencePreprocessingOfThePng() {
    const cv::Mat image = cv::imread((kSet / "inputs" / "aloeL_crop30x45.png").string(), cv::IMREAD_COLOR);
    QVERIFY(!image.empty());
    const auto size = depth::da3NetworkSize(image.rows, image.cols, 70);
    cv::Mat resized;
    auto input = media::prepareDa3InputAt(image, size, &resized);
    const auto u8 = torch::from_blob(resized.data, {resized.rows, resized.cols, 3}, torch::kUInt8);
    QVERIFY(torch::equal(u8, caseTensor("aloeL_crop30x45.safetensors", "resized_u8")));
    const auto tensor = torch::from_blob(input.chw.data(), {1, 3, input.height, input.width}, torch::kFloat32);
    QVERIFY(within(tensor, caseTensor("aloeL_crop30x45.safetensors", "input"), 1e-5, 0));

    // The OpenCV-free path of the pipelines: exact box filtering, float bicubic (at most 1 level off).
    cv::Mat rgb = media::toRgb8(image);
    const auto photo = torch::from_blob(rgb.data, {rgb.rows, rgb.cols, 3}, torch::kUInt8).permute({2, 0, 1}).unsqueeze(0)
                           .to(torch::kFloat32) / 255.0;
    const auto torch_input = depth::preprocessForDa3(photo, size);
    const double level = 1.0 / 255.0 / 0.224;
    QVERIFY((torch_input - tensor).abs().max().item<double>() <= 1.01 / 255.0 / 0.225);
    QVERIFY((torch_input - tensor).abs().mean().item<double>() < 0.1 * level);
  }

  // ---- what the estimator outputs and how stereo reads it ----

  void estimatorReportsDepthAndV2InverseDepth() {
    const auto da3 = depth::makeDepthEstimator(loaded_.model, {});
    QVERIFY(da3->outputKind() == depth::DepthOutputKind::Depth);
    QVERIFY(da3->inputStyle() == depth::DepthInputStyle::Uint8TwoStep);
    QCOMPARE(da3->options().input_size, 504);  // the DA3 API default
    const auto v2 = depth::loadDepthEstimator((kV2 / "model.safetensors").string());
    QVERIFY(v2->outputKind() == depth::DepthOutputKind::InverseDepth);
    QVERIFY(v2->inputStyle() == depth::DepthInputStyle::FloatCubic);
    QCOMPARE(v2->options().input_size, 518);
  }

  void depthBecomesDisparityWithTheSkyAtTheFarPlane() {
    depth::DepthMaps maps;
    maps.map = torch::tensor({{1.f, 2.f}, {4.f, 8.f}});
    const auto disparity = depth::toDisparity(maps, depth::DepthOutputKind::Depth);
    QVERIFY(torch::allclose(disparity, torch::tensor({{1.f, 0.5f}, {0.25f, 0.125f}})));  // near = large
    QVERIFY(torch::equal(depth::toDisparity(maps, depth::DepthOutputKind::InverseDepth), maps.map));  // V2: as is
    maps.sky = torch::tensor({{false, false}, {false, true}});
    maps.map[1][1] = 3.0f;  // a fill value nearer than the farthest pixel: the sky still goes behind all
    const auto with_sky = depth::toDisparity(maps, depth::DepthOutputKind::Depth);
    QCOMPARE(with_sky[1][1].item<float>(), 0.25f);
    QCOMPARE(with_sky[0][0].item<float>(), 1.0f);
    maps.sky = torch::ones({2, 2}, torch::kBool);
    QVERIFY(torch::isfinite(depth::toDisparity(maps, depth::DepthOutputKind::Depth)).all().item<bool>());
  }

  void estimatedDisparityOfAPhotoIsNearLarge() {
    depth::DepthEstimatorOptions options;
    options.input_size = 70;
    const auto estimator = depth::makeDepthEstimator(loaded_.model, options);
    const auto photo = torch::rand({1, 3, 30, 45});
    const auto maps = estimator->estimateMaps(photo);
    QVERIFY((maps.map.sizes().vec() == std::vector<int64_t>{30, 45}));
    QVERIFY(maps.sky.defined() && maps.sky.scalar_type() == torch::kBool);
    const auto disparity = depth::estimateDisparity(*estimator, photo);
    const auto clear = maps.sky.logical_not();
    // Off the sky, disparity is the reciprocal of depth; on it, the smallest disparity of the rest.
    QVERIFY(torch::allclose(disparity.masked_select(clear), 1.0 / maps.map.masked_select(clear)));
    if (maps.sky.any().item<bool>())
      QVERIFY(torch::allclose(disparity.masked_select(maps.sky),
                              torch::full({maps.sky.sum().item<int64_t>()}, disparity.masked_select(clear).min().item<float>())));
  }

  void mediaEstimateGivesInverseDepthAndTheRawOutput() {
    depth::DepthEstimatorOptions options;
    options.input_size = 70;
    const auto handle = media::wrapDepthEstimator(depth::makeDepthEstimator(loaded_.model, options));
    const cv::Mat image = cv::imread((kSet / "inputs" / "aloeL_crop30x45.png").string(), cv::IMREAD_COLOR);
    const auto e = media::estimateDepthMaps(handle, image);
    QCOMPARE(e.raw.size(), image.size());
    QCOMPARE(e.disparity.size(), image.size());
    QVERIFY(e.raw_is_depth);
    QCOMPARE(e.raw_kind, std::string("relative depth"));
    QCOMPARE(e.sky.type(), CV_8UC1);
    double lo = 0;
    cv::minMaxLoc(e.raw, &lo);
    QVERIFY(lo > 0);
    // A pixel that is not sky: disparity = 1 / depth.
    const cv::Point p(5, 20);
    if (e.sky.at<uchar>(p) == 0) QVERIFY(std::abs(e.disparity.at<float>(p) * e.raw.at<float>(p) - 1.0f) < 1e-4);
    QVERIFY(cv::norm(media::estimateDepth(handle, image), e.disparity, cv::NORM_INF) == 0);
  }

  void metricModelGivesMetresFromTheFocalLength() {
    const auto dir = dir_ / "metric";
    fs::create_directories(dir);
    fs::copy_file(kSet / "model.safetensors", dir / "model.safetensors", fs::copy_options::overwrite_existing);
    std::ifstream in(kSet / "config.json");
    auto config = nlohmann::json::parse(in);
    config["model_name"] = "da3metric-large";
    std::ofstream(dir / "config.json") << config.dump();
    const auto metric = depth::loadDepthAnything(dir.string());
    QVERIFY(metric.model->config().metric);
    depth::DepthEstimatorOptions options;
    options.input_size = 70;
    options.horizontal_fov_degrees = 90;  // focal = half the width
    const auto estimator = depth::makeDepthEstimator(metric.model, options);
    QVERIFY(estimator->outputKind() == depth::DepthOutputKind::MetricDepth);
    const auto input = caseTensor("aloeL_crop30x45.safetensors", "input").flatten(0, 1);  // 42 x 70
    const auto metres = estimator->estimatePreprocessed(input, 42, 70);
    const auto relative = caseTensor("aloeL_crop30x45.safetensors", "depth").view({1, 42, 70});
    QVERIFY(within(metres, relative * (35.0 / 300.0), 5e-4 * 35.0 / 300.0, 1e-4));
    // A focal length in image pixels (here 140 for a 140-wide image) is scaled to the network width.
    options.focal_px = 140;
    const auto by_focal = depth::makeDepthEstimator(metric.model, options)->estimatePreprocessed(input, 42, 140);
    const auto at_net = torch::upsample_bilinear2d(relative.unsqueeze(1), {42, 140}, true, c10::nullopt, c10::nullopt).squeeze(1);
    QVERIFY(within(by_focal, at_net * (70.0 / 300.0), 5e-4 * 70.0 / 300.0, 1e-4));
    QVERIFY(torch::allclose(depth::toDisparity({metres, {}}, estimator->outputKind()), 1.0 / metres));
  }

  // ---- licences for the studio's list ----

  void licencePerFamilyAndSize() {
    depth::DepthAnythingConfig large;
    large.embed_dim = 1024;
    large.depth = 24;
    large.family = depth::DepthFamily::Anything3;
    auto info = depth::depthModelInfo(large);
    QCOMPARE(info.name(), std::string("Depth Anything 3 Mono-Large"));
    QVERIFY(info.encoder == depth::DepthEncoder::Large);
    QCOMPARE(info.licence, std::string("Apache-2.0"));
    QVERIFY(info.permissive);
    large.metric = true;
    QCOMPARE(depth::depthModelInfo(large).variant, std::string("Metric-Large"));
    QVERIFY(depth::depthModelInfo(large).output == depth::DepthOutputKind::MetricDepth);
    large.family = depth::DepthFamily::AnythingV2;
    large.metric = false;
    info = depth::depthModelInfo(large);
    QCOMPARE(info.licence, std::string("CC-BY-NC-4.0"));  // V2 Large: non-commercial
    QVERIFY(!info.permissive);
    const auto small = depth::depthModelInfo(depth::DepthAnythingConfig{});  // V2 ViT-S
    QCOMPARE(small.licence, std::string("Apache-2.0"));
    // Permissive first: V2 Small ranks above the non-commercial V2 Large.
    QVERIFY(small.preference > depth::depthModelInfo(large).preference);
    // The tiny test models match no release: no licence claimed, below every permissive model.
    const auto tiny = depth::readDepthModelInfo(kSet.string());
    QCOMPARE(tiny.familyName(), std::string("Depth Anything 3"));
    QVERIFY(tiny.encoder == depth::DepthEncoder::Custom);
    QVERIFY(tiny.licence.empty() && !tiny.permissive && tiny.preference > 0 && tiny.preference < small.preference);
  }

  // ---- files that do not fit ----

  void missingTensorIsNamedInTheFilesLayout() {
    const auto dir = copyEdited("missing", [](auto& t) {
      t.erase(std::remove_if(t.begin(), t.end(),
                             [](const auto& kv) { return kv.first == "model.backbone.pretrained.blocks.3.attn.qkv.bias"; }),
              t.end());
    });
    VERIFY_THROWS(depth::loadDepthAnything(dir.string()), "Missing tensors: model.backbone.pretrained.blocks.3.attn.qkv.bias");
    const auto shape = copyEdited("shape", [](auto& t) {
      for (auto& kv : t)
        if (kv.first == "model.head.scratch.sky_output_conv2.2.weight") kv.second = torch::zeros({1, 30, 1, 1});
    });
    VERIFY_THROWS(depth::loadDepthAnything(dir_.string() + "/shape"),
                  "model.head.scratch.sky_output_conv2.2.weight (file [1,30,1,1], model [1,32,1,1])");
  }

  void refusesAnyViewModels() {
    const auto token = copyEdited("any_view", [](auto& t) {
      t.emplace_back("model.backbone.pretrained.camera_token", torch::zeros({1, 2, 48}));
    });
    VERIFY_THROWS(depth::loadDepthAnything(token.string()), "monocular");
    const auto dir = copyEdited("any_view_name", [](auto&) {});
    std::ofstream(dir / "config.json") << R"({"model_name": "da3-large"})";
    VERIFY_THROWS(depth::loadDepthAnything(dir.string()), "only the monocular models");
    std::ofstream(dir / "config.json") << R"({"model_type": "depth_anything"})";
    VERIFY_THROWS(depth::loadDepthAnything(dir.string()), "holds Depth Anything 3 weights");
  }

  void verifyRunnerPassesTheCopy() {
    std::ostringstream out;
    verify::Reporter report(out);
    std::ifstream in(kSet / "cases.json");
    verify::runDepthAnything3Set(kSet, nlohmann::json::parse(in), report);
    QVERIFY2(report.failed() == 0, out.str().c_str());
    QVERIFY(report.passed() >= 1 + 5 + 4);
    QVERIFY(out.str().find("PASS aloeL_crop30x45") != std::string::npos);
    QVERIFY(out.str().find("PASS layer_probe") != std::string::npos);
  }

 private:
  // The set's config.json and model.safetensors in a new folder, with `edit` applied to its tensors.
  fs::path copyEdited(const std::string& name,
                      const std::function<void(std::vector<std::pair<std::string, torch::Tensor>>&)>& edit) {
    const auto dir = dir_ / name;
    fs::create_directories(dir);
    fs::copy_file(kSet / "config.json", dir / "config.json", fs::copy_options::overwrite_existing);
    const auto src = io::SafetensorsFile::open((kSet / "model.safetensors").string());
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& info : src->tensors()) tensors.emplace_back(info.name, src->tensor(info.name));
    edit(tensors);
    io::writeSafetensors((dir / "model.safetensors").string(), tensors);
    return dir;
  }

  fs::path dir_;
  depth::LoadedDepthModel loaded_;
};

QTEST_APPLESS_MAIN(TestDepthAnything3)
#include "test_depth_anything3.moc"
