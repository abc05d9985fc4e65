// Depth Anything V2: the size rule, both weight layouts, every network stage and
// the preprocessing against tests/data/depth-anything-v2-tiny (a copy of
// shared/fixtures/depth-anything-v2-tiny), images of every shape and type, and
// weight files that do not fit (errors must name the tensor).
#include <QtTest/QtTest>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>
#include <torch/torch.h>
#include <unistd.h>

#include "core/engine/depth/depth_estimator.h"
#include "core/engine/depth/depth_preprocess_torch.h"
#include "core/engine/depth/depth_size_rule.h"
#include "core/media/depth_estimation.h"
#include "core/media/depth_preprocess.h"
#include "core/verify/kinds.h"
#include "core/base/error.h"
#include "models/depth/depth_anything_keys.h"
#include "models/depth/depth_anything_loader.h"
#include "models/io/safetensors.h"
#include "tests/support/expect_error.h"

namespace fs = std::filesystem;
using namespace sds;

namespace {

const fs::path kSet = fs::path(SDSTEREO_TEST_DATA) / "depth-anything-v2-tiny";

double maxAbs(const torch::Tensor& a, const torch::Tensor& b) {
  QTEST_ASSERT(a.sizes() == b.sizes());
  return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

// |a - b| <= atol + rtol |b| everywhere.
bool within(const torch::Tensor& a, const torch::Tensor& b, double atol, double rtol) {
  if (a.sizes() != b.sizes()) return false;
  const auto x = a.to(torch::kFloat64), y = b.to(torch::kFloat64);
  return ((x - y).abs() <= atol + rtol * y.abs()).all().item<bool>();
}

torch::Tensor caseTensor(const std::string& file, const std::string& name) {
  return io::SafetensorsFile::open((kSet / "cases" / file).string())->tensor(name);
}

torch::Tensor forward(depth::DepthAnythingV2& model, const torch::Tensor& x, depth::DepthTrace* trace = nullptr) {
  c10::InferenceMode guard;
  return model.forward(x, trace);
}

}  // namespace

class TestDepth : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    dir_ = fs::temp_directory_path() / ("sds_test_depth_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    hf_ = depth::loadDepthAnything((kSet / "model.safetensors").string()).model;
    original_ = depth::loadDepthAnything((kSet / "model_original.safetensors").string()).model;
  }
  void cleanupTestCase() { fs::remove_all(dir_); }

  void sizeRuleMatchesEveryReferenceProbe() {
    std::ifstream in(kSet / "cases" / "size_rule.json");
    const auto rules = nlohmann::json::parse(in);
    QVERIFY(rules["entries"].size() >= 10);
    for (const auto& e : rules["entries"]) {
      const auto got = depth::depthNetworkSize(e["h"], e["w"], e["input_size"]);
      QCOMPARE(got.height, e["net_h"].get<int>());
      QCOMPARE(got.width, e["net_w"].get<int>());
    }
    // 101 * 518/74 / 14 = 50.5 ties to the even 50 (numpy), not 51.
    QCOMPARE(depth::depthNetworkSize(74, 101, 518).width, 700);
    QCOMPARE(depth::roundHalfToEven(2.5), 2.0);
    QCOMPARE(depth::roundHalfToEven(3.5), 4.0);
  }

  void sizeLimitKeepsPanoramasBounded() {
    const auto exact = depth::depthNetworkSize(100, 5000, 518);
    QCOMPARE(exact.height, 518);
    QVERIFY(exact.width > 20000);
    const auto limited = depth::limitedDepthNetworkSize(100, 5000, 518, 2072);
    QVERIFY(limited.width <= 2072 && limited.width % 14 == 0);
    QVERIFY(limited.height >= 14 && limited.height % 14 == 0);
    const auto normal = depth::limitedDepthNetworkSize(173, 200, 518, 2072);
    QCOMPARE(normal.width, 602);  // untouched when within the limit
    SDS_VERIFY_THROWS(depth::depthNetworkSize(0, 10, 518), "empty image");
  }

  void configComesFromConfigJsonAndWeights() {
    const auto& c = hf_->config();
    QCOMPARE(c.embed_dim, 48);
    QCOMPARE(c.depth, 5);
    QCOMPARE(c.num_heads, 3);
    QVERIFY((c.layer_indices == std::vector<int>{0, 2, 3, 4}));
    QVERIFY((c.out_channels == std::vector<int>{12, 24, 32, 48}));
    QCOMPARE(c.features, 16);
    QCOMPARE(original_->config().layer_indices, c.layer_indices);
  }

  void bothLayoutsReproduceEveryStage() {
    const auto file = io::SafetensorsFile::open((kSet / "cases" / "rand_56x84.safetensors").string());
    for (auto* model : {hf_.get(), original_.get()}) {
      depth::DepthTrace trace;
      const auto raw = forward(*model, file->tensor("input"), &trace);
      QVERIFY(within(raw, file->tensor("depth_raw"), 1e-4, 1e-4));
      int stages = 0;
      for (const auto& info : file->tensors()) {
        if (info.name.rfind("dbg.", 0) != 0) continue;
        const auto it = trace.tensors.find(info.name.substr(4));
        QVERIFY2(it != trace.tensors.end(), info.name.c_str());
        QVERIFY2(within(it->second, file->tensor(info.name), 1e-4, 1e-4), info.name.c_str());
        ++stages;
      }
      QVERIFY(stages >= 30);
    }
  }

  void batchOfTwo() {
    const auto input = caseTensor("rand_b2_84x84.safetensors", "input");
    QVERIFY(within(forward(*hf_, input), caseTensor("rand_b2_84x84.safetensors", "depth_raw"), 1e-4, 1e-4));
  }

  void sidesNotMultipleOf14AreCropped() {
    const auto input = caseTensor("rand_75x131_not_mult14.safetensors", "input");
    const auto out = forward(*original_, input);
    QVERIFY((out.sizes().vec() == std::vector<int64_t>{1, 70, 126}));
    QVERIFY(within(out, caseTensor("rand_75x131_not_mult14.safetensors", "depth_raw_of_cropped"), 1e-4, 1e-4));
    SDS_VERIFY_THROWS(forward(*hf_, torch::zeros({1, 3, 13, 40})), "smaller than one");
  }

  void layerProbesCatchEpsAndGelu() {
    const auto file = io::SafetensorsFile::open((kSet / "cases" / "layer_probe.safetensors").string());
    c10::InferenceMode guard;
    for (const std::string s : {"small", "large"}) {
      const auto tokens = file->tensor("probe.tokens_" + s);
      QVERIFY(within(hf_->backbone().finalNorm(tokens), file->tensor("probe.norm_" + s), 1e-5, 1e-5));
      QVERIFY(within(hf_->backbone().runBlock(0, tokens), file->tensor("probe.block0_" + s), 1e-5, 1e-5));
      QVERIFY(within(original_->backbone().runBlock(4, tokens), file->tensor("probe.block4_" + s), 1e-5, 1e-5));
    }
    SDS_VERIFY_THROWS(hf_->backbone().runBlock(5, file->tensor("probe.tokens_small")), "block 5");
  }

  void positionEmbeddingInterpolation() {
    const auto file = io::SafetensorsFile::open((kSet / "cases" / "pos_embed_interp.safetensors").string());
    const struct { const char* name; int gh, gw; } grids[] = {
        {"pos_embed_4x6", 4, 6}, {"pos_embed_6x6", 6, 6}, {"pos_embed_15x22", 15, 22}, {"pos_embed_37x43", 37, 43}};
    for (const auto& g : grids) {
      const auto got = hf_->backbone().interpolatePosEncoding(g.gh, g.gw, 14 * g.gh, 14 * g.gw);
      QVERIFY2(within(got, file->tensor(g.name), 1e-5, 1e-5), g.name);
    }
    // Identity only for the native grid of a square input.
    const auto native = io::SafetensorsFile::open((kSet / "model.safetensors").string())
                            ->tensor("backbone.embeddings.position_embeddings");
    QVERIFY(torch::equal(hf_->backbone().interpolatePosEncoding(37, 37, 518, 518), native));
    QVERIFY(maxAbs(hf_->backbone().interpolatePosEncoding(37, 37, 518, 519), native) > 1e-3);
  }

  void referencePreprocessingOfThePng() {
    const cv::Mat image = cv::imread((kSet / "inputs" / "aloeL_crop30x45.png").string(), cv::IMREAD_COLOR);
    auto in = media::prepareDepthInput(image, 210);
    QCOMPARE(in.height, 210);
    QCOMPARE(in.width, 308);
    const auto got = torch::from_blob(in.chw.data(), {1, 3, in.height, in.width}, torch::kFloat32);
    const auto ref = caseTensor("aloeL_crop30x45.safetensors", "input");
    QVERIFY(maxAbs(got, ref) <= 1e-5);
  }

  // The torch-only path (torch bicubic in float32) against the OpenCV float64 reference.
  void torchPreprocessingIsCloseToTheReference() {
    for (const auto& [file, png, size] : {std::tuple{"aloeL_crop30x45.safetensors", "aloeL_crop30x45.png", 210},
                                          std::tuple{"aloeL_w200.safetensors", "aloeL_w200.png", 518}}) {
      const cv::Mat image = cv::imread((kSet / "inputs" / png).string(), cv::IMREAD_COLOR);
      cv::Mat rgb;
      cv::cvtColor(image, rgb, cv::COLOR_BGR2RGB);
      const auto rgb01 = torch::from_blob(rgb.data, {rgb.rows, rgb.cols, 3}, torch::kUInt8)
                             .permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat32) / 255.0;
      const auto net = depth::depthNetworkSize(image.rows, image.cols, size);
      const auto got = depth::preprocessForDepth(rgb01, net.height, net.width);
      const double err = maxAbs(got, caseTensor(file, "input"));
      qInfo("torch bicubic preprocessing vs reference input (%s): max abs %.3g", png, err);
      QVERIFY(err < 1e-4);
    }
  }

  void endToEndDepthOnThePng() {
    const auto model = media::wrapDepthEstimator(depth::makeDepthEstimator(hf_, withInputSize(210)));
    const cv::Mat image = cv::imread((kSet / "inputs" / "aloeL_crop30x45.png").string(), cv::IMREAD_COLOR);
    const cv::Mat d = media::estimateDepth(model, image);
    QCOMPARE(d.type(), CV_32FC1);
    QCOMPARE(d.rows, 30);
    QCOMPARE(d.cols, 45);
    const auto got = torch::from_blob(d.data, {30, 45}, torch::kFloat32);
    const auto ref = caseTensor("aloeL_crop30x45.safetensors", "depth");
    QVERIFY(within(got, ref, 1e-4, 1e-4));

    // The tensor-only face of the same model stays close (torch bicubic preprocessing).
    auto estimator = depth::makeDepthEstimator(original_, withInputSize(210));
    cv::Mat rgb;
    cv::cvtColor(image, rgb, cv::COLOR_BGR2RGB);
    const auto rgb01 = torch::from_blob(rgb.data, {30, 45, 3}, torch::kUInt8).permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat32) / 255.0;
    const auto torch_depth = estimator->estimate(rgb01);
    QVERIFY((torch_depth.sizes().vec() == std::vector<int64_t>{30, 45}));
    QCOMPARE(torch_depth.scalar_type(), torch::kFloat32);
    const double err = maxAbs(torch_depth, ref);
    qInfo("torch-only pipeline vs reference depth: max abs %.3g", err);
    QVERIFY(err < 1e-3);
  }

  void anyImageShapeAndType() {
    const auto model = media::wrapDepthEstimator(depth::makeDepthEstimator(hf_, withInputSize(56)));
    cv::Mat bgr(37, 23, CV_8UC3);
    cv::randu(bgr, 0, 255);
    const cv::Mat d = media::estimateDepth(model, bgr);
    QCOMPARE(d.size(), bgr.size());
    QVERIFY(cv::checkRange(d));

    cv::Mat bgra;
    cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
    bgra.forEach<cv::Vec4b>([](cv::Vec4b& p, const int*) { p[3] = 7; });
    QCOMPARE(cv::norm(media::estimateDepth(model, bgra), d, cv::NORM_INF), 0.0);  // alpha ignored

    cv::Mat grey, grey3;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    cv::cvtColor(grey, grey3, cv::COLOR_GRAY2BGR);
    QCOMPARE(cv::norm(media::estimateDepth(model, grey), media::estimateDepth(model, grey3), cv::NORM_INF), 0.0);

    cv::Mat bgr16;
    bgr.convertTo(bgr16, CV_16U, 257.0);  // same values in [0, 1]
    QVERIFY(cv::norm(media::estimateDepth(model, bgr16), d, cv::NORM_INF) < 1e-4);

    for (const cv::Size size : {cv::Size(1, 1), cv::Size(3, 1), cv::Size(1, 5), cv::Size(200, 5), cv::Size(15, 14)}) {
      const cv::Mat tiny(size, CV_8UC3, cv::Scalar(10, 120, 250));
      const cv::Mat t = media::estimateDepth(model, tiny);
      QCOMPARE(t.size(), size);
      QVERIFY(cv::checkRange(t));
    }
    SDS_VERIFY_THROWS(media::estimateDepth(model, cv::Mat()), "empty");
    SDS_VERIFY_THROWS(media::estimateDepth(model, cv::Mat(4, 4, CV_8UC2, cv::Scalar(0))), "2 channels");
  }

  void largeImagesRunAtTheInputSize() {
    auto estimator = depth::makeDepthEstimator(hf_, withInputSize(56));
    const auto net = estimator->networkSize(3000, 4000);
    QCOMPARE(net.height, 56);
    QCOMPARE(net.width, 70);  // 4000 * 56/3000 = 74.7 -> 5.33 patches -> 5
    const auto panorama = estimator->networkSize(100, 5000);
    QVERIFY(panorama.width <= 4 * 56);
  }

  // An input size from a hostile option (2^31 - 1) is refused, not allocated for.
  void inputSizeAboveTheCapIsRefused() {
    SDS_VERIFY_THROWS(depth::makeDepthEstimator(hf_, withInputSize(depth::kMaxInputSize + 1)), "largest accepted");
    SDS_VERIFY_THROWS(depth::makeDepthEstimator(hf_, withInputSize(2147483647)), "largest accepted");
  }

  void colourPreview() {
    cv::Mat d(2, 3, CV_32F, cv::Scalar(2));
    d.at<float>(0, 0) = 1;
    d.at<float>(1, 2) = 3;
    const cv::Mat preview = media::depthPreview(d);
    QCOMPARE(preview.type(), CV_8UC3);
    QCOMPARE(preview.size(), d.size());
    // Near (large inverse depth) is bright in the inferno map.
    QVERIFY(cv::sum(preview.at<cv::Vec3b>(1, 2))[0] > cv::sum(preview.at<cv::Vec3b>(0, 0))[0] + 300);
    QCOMPARE(media::depthPreview(cv::Mat(2, 2, CV_32F, cv::Scalar(5))).size(), cv::Size(2, 2));
    SDS_VERIFY_THROWS(media::depthPreview(cv::Mat()), "single-channel");
  }

  void verifyRunnerPassesTheWholeSet() {
    std::ostringstream out;
    verify::Reporter report(out);
    std::ifstream in(kSet / "cases.json");
    verify::runDepthAnythingSet(kSet, nlohmann::json::parse(in), report);
    QVERIFY2(report.failed() == 0, out.str().c_str());
    QVERIFY(report.passed() >= 1 + 2 * (5 + 4 + 1 + 1));
    QVERIFY(out.str().find("PASS aloeL_w200@original") != std::string::npos);
    QVERIFY(out.str().find("PASS rand_56x84@hf") != std::string::npos);
  }

  // ---- weights that do not fit ----

  void refusesPickles() {
    const auto pth = dir_ / "depth_anything_v2_vits.pth";
    std::ofstream(pth) << "PK\x03\x04 not really";
    SDS_VERIFY_THROWS(depth::loadDepthAnything(pth.string()), "safetensors");
    const auto disguised = dir_ / "disguised.safetensors";
    std::ofstream(disguised, std::ios::binary) << "\x80\x02}q";
    SDS_VERIFY_THROWS(depth::loadDepthAnything(disguised.string()), "pickle");
  }

  void missingTensorIsNamed() {
    const auto dir = copyWithout("missing", "model.safetensors", "backbone.encoder.layer.2.mlp.fc2.bias");
    SDS_VERIFY_THROWS(depth::loadDepthAnything(dir.string()), "backbone.encoder.layer.2.mlp.fc2.bias");
    const auto orig = copyWithout("missing_orig", "model_original.safetensors", "pretrained.blocks.1.attn.qkv.weight");
    SDS_VERIFY_THROWS(depth::loadDepthAnything((orig / "model_original.safetensors").string()),
                  "Missing tensors: pretrained.blocks.1.attn.qkv.weight");
  }

  void misShapedTensorIsNamed() {
    const auto dir = copyWith("shape", "model_original.safetensors", "depth_head.scratch.layer3_rn.weight",
                              torch::zeros({16, 30, 3, 3}));
    SDS_VERIFY_THROWS(depth::loadDepthAnything((dir / "model_original.safetensors").string()),
                  "depth_head.scratch.layer3_rn.weight (file [16,30,3,3], model [16,32,3,3])");
    const auto qkv = copyWith("qkv", "model_original.safetensors", "pretrained.blocks.0.attn.qkv.weight",
                              torch::zeros({150, 48}));
    SDS_VERIFY_THROWS(depth::loadDepthAnything((qkv / "model_original.safetensors").string()),
                  "pretrained.blocks.0.attn.qkv.weight (file [150,48], model [144,48])");
    const auto hf = copyWith("shape_hf", "model.safetensors", "neck.convs.1.weight", torch::zeros({16, 24, 1, 1}));
    SDS_VERIFY_THROWS(depth::loadDepthAnything(hf.string()), "neck.convs.1.weight");
  }

  void unexpectedTensorIsNamed() {
    const auto dir = copyWith("extra", "model_original.safetensors", "depth_head.scratch.stem.weight", torch::zeros({2}));
    SDS_VERIFY_THROWS(depth::loadDepthAnything((dir / "model_original.safetensors").string()),
                  "Unexpected tensors: depth_head.scratch.stem.weight");
  }

  void configFromWeightShapesAlone() {
    const auto dir = dir_ / "no_config";
    fs::create_directories(dir);
    fs::copy_file(kSet / "model.safetensors", dir / "model.safetensors", fs::copy_options::overwrite_existing);
    // 48 channels is no multiple of 64 and 5 blocks is no official depth: a config.json is needed.
    SDS_VERIFY_THROWS(depth::loadDepthAnything(dir.string()), "config.json");
    std::ofstream(dir / "config.json")
        << R"({"model_type": "depth_anything", "backbone_config": {"num_attention_heads": 3, "out_indices": [1, 3, 4, 5]}})";
    const auto loaded = depth::loadDepthAnything(dir.string());
    QVERIFY(loaded.layout == depth::DepthWeightLayout::Transformers);
    QCOMPARE(loaded.model->config().mlp_hidden, 192);
    QVERIFY((loaded.model->config().reassemble_factors == std::vector<double>{4, 2, 1, 0.5}));
    const auto input = caseTensor("rand_56x84.safetensors", "input");
    QVERIFY(within(forward(*loaded.model, input), caseTensor("rand_56x84.safetensors", "depth_raw"), 1e-4, 1e-4));
  }

  void refusesOtherModelsAndOptions() {
    const auto dir = dir_ / "metric";
    fs::create_directories(dir);
    fs::copy_file(kSet / "model.safetensors", dir / "model.safetensors", fs::copy_options::overwrite_existing);
    std::ofstream(dir / "config.json") << R"({"model_type": "depth_anything", "depth_estimation_type": "metric"})";
    SDS_VERIFY_THROWS(depth::loadDepthAnything(dir.string()), "metric");
    std::ofstream(dir / "config.json") << R"({"model_type": "dpt", "is_hybrid": true})";
    SDS_VERIFY_THROWS(depth::loadDepthAnything(dir.string()), "DPT");
    const auto other = dir_ / "other.safetensors";
    io::writeSafetensors(other.string(), {{"unet.conv_in.weight", torch::zeros({2})}});
    SDS_VERIFY_THROWS(depth::loadDepthAnything(other.string()), "not a Depth Anything checkpoint");
    SDS_VERIFY_THROWS(depth::loadDepthAnything((dir_ / "absent").string()), "does not exist");
    depth::DepthEstimatorOptions half;
    half.precision = Precision::Float16;
    SDS_VERIFY_THROWS(depth::makeDepthEstimator(hf_, half), "float16 needs a CUDA device");
  }

  void officialKeyMapIsABijection() {
    for (const auto& p : hf_->named_parameters()) {
      const auto official = depth::officialKeyFor(p.key());
      QVERIFY2(official.has_value(), p.key().c_str());
      if (official->part < 0) QCOMPARE(depth::transformersKeyFor(official->key).value_or(""), p.key());
    }
    QCOMPARE(depth::transformersKeyFor("depth_head.scratch.refinenet1.resConfUnit2.conv1.bias").value_or(""),
             std::string("neck.fusion_stage.layers.3.residual_layer2.convolution1.bias"));
    QCOMPARE(depth::transformersKeyFor("depth_head.scratch.layer4_rn.weight").value_or(""), std::string("neck.convs.3.weight"));
  }

 private:
  static depth::DepthEstimatorOptions withInputSize(int size) {
    depth::DepthEstimatorOptions o;
    o.input_size = size;
    return o;
  }

  // A copy of the set's config.json and `file` in a new folder, with `edit` applied to its tensors.
  fs::path copyEdited(const std::string& name, const std::string& file,
                      const std::function<void(std::vector<std::pair<std::string, torch::Tensor>>&)>& edit) {
    const auto dir = dir_ / name;
    fs::create_directories(dir);
    fs::copy_file(kSet / "config.json", dir / "config.json", fs::copy_options::overwrite_existing);
    const auto src = io::SafetensorsFile::open((kSet / file).string());
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& info : src->tensors()) tensors.emplace_back(info.name, src->tensor(info.name));
    edit(tensors);
    io::writeSafetensors((dir / file).string(), tensors);
    return dir;
  }
  fs::path copyWithout(const std::string& name, const std::string& file, const std::string& tensor) {
    return copyEdited(name, file, [&](auto& t) {
      t.erase(std::remove_if(t.begin(), t.end(), [&](const auto& kv) { return kv.first == tensor; }), t.end());
    });
  }
  fs::path copyWith(const std::string& name, const std::string& file, const std::string& tensor, const torch::Tensor& value) {
    return copyEdited(name, file, [&](auto& t) {
      for (auto& kv : t)
        if (kv.first == tensor) {
          kv.second = value;
          return;
        }
      t.emplace_back(tensor, value);
    });
  }

  fs::path dir_;
  std::shared_ptr<depth::DepthAnythingV2> hf_, original_;
};

QTEST_APPLESS_MAIN(TestDepth)
#include "test_depth.moc"
