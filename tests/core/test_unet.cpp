// UNet2DConditionModel against the diffusers v0.25.1 fixture cases (both sets,
// diffusers folder and single-file layout), odd latent sizes, the attention
// processor hook, config parsing and loader errors.
#include <QtTest/QtTest>

#include <fstream>
#include <sstream>

#include "core/verify/runner.h"
#include "core/base/error.h"
#include "models/attention/attention_processor.h"
#include "models/common/nn_blocks.h"
#include "models/io/safetensors.h"
#include "models/io/weights.h"
#include "models/unet/unet.h"
#include "models/unet/unet_ldm_keys.h"
#include "tests/support/fixture_data.h"
#include "tests/support/sd_component.h"
#include "tests/support/single_file_from_key_map.h"

using namespace sds;

namespace {

const std::filesystem::path kData = SDSTEREO_TEST_DATA;

unet::UNetConfig setConfig(const std::string& set) { return test::componentConfig(set, "unet", unet::parseUNetConfig); }

io::WeightSource diffusersWeights(const std::string& set) { return test::componentWeights(set, "unet"); }

std::shared_ptr<unet::UNet2DConditionModel> loadDiffusers(const std::string& set) {
  return test::loadedModule<unet::UNet2DConditionModel>(setConfig(set), diffusersWeights(set));
}

// Runs `kase` on `model`; returns the comparison of `out`.
verify::Comparison runCase(unet::UNet2DConditionModel& model, const std::string& set, const std::string& name) {
  const auto spec = test::findCase(set, name);
  const auto file = io::SafetensorsFile::open((kData / set / spec["file"].get<std::string>()).string());
  torch::NoGradGuard no_grad;
  const auto out = model.forward(file->tensor("sample"), file->tensor("timestep"), file->tensor("encoder_hidden_states"));
  return verify::compareTensors(out, file->tensor("out"), verify::sdTolerance(spec, "out"));
}

struct Seen {
  int index;
  bool is_cross;
  int layers_per_forward;
  std::string place;
  int64_t heads, nk;
};

class CountingProcessor : public attn::AttentionProcessor {
 public:
  std::vector<Seen> seen;
  torch::Tensor attend(const attn::AttentionCall& c) override {
    seen.push_back({c.layer_index, c.is_cross, c.layers_per_forward, c.place, c.q.size(1), c.k.size(2)});
    return attn::scaledDotProductAttention(c.q, c.k, c.v, c.scale, c.upcast);
  }
};

class ZeroCrossProcessor : public attn::AttentionProcessor {
 public:
  torch::Tensor attend(const attn::AttentionCall& c) override {
    if (c.is_cross) return torch::zeros_like(c.q);
    return attn::scaledDotProductAttention(c.q, c.k, c.v, c.scale, c.upcast);
  }
};

const char* kMiniConfig = R"({
  "block_out_channels": [8, 16], "down_block_types": ["CrossAttnDownBlock2D", "DownBlock2D"],
  "up_block_types": ["UpBlock2D", "CrossAttnUpBlock2D"], "layers_per_block": 1, "attention_head_dim": 2,
  "cross_attention_dim": 12, "norm_num_groups": 4, "in_channels": 4, "out_channels": 4})";

}  // namespace

class TestUNet : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void fixtureCases_data() {
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("name");
    for (const char* set : {"sd-tiny-v1", "sd-tiny-v2"})
      for (const char* name : {"unet", "unet_odd_size"})
        QTest::newRow((std::string(set) + "/" + name).c_str()) << set << name;
  }

  void fixtureCases() {
    QFETCH(QString, set);
    QFETCH(QString, name);
    auto model = loadDiffusers(set.toStdString());
    const auto c = runCase(*model, set.toStdString(), name.toStdString());
    QVERIFY2(c.ok, c.detail.c_str());
  }

  // The single file is built from model_key_map.json (tests/data carries no
  // model.safetensors) and converted with the set's config.
  void singleFileLayout_data() {
    QTest::addColumn<QString>("set");
    QTest::newRow("v1") << "sd-tiny-v1";
    QTest::newRow("v2") << "sd-tiny-v2";
  }

  void singleFileLayout() {
    QFETCH(QString, set);
    const std::string s = set.toStdString();
    QTemporaryDir dir;
    const std::string prefix = "model.diffusion_model.";
    const auto ldm = test::singleFileComponent(kData / s, dir.filePath("model.safetensors").toStdString(), prefix);
    const auto config = setConfig(s);
    const auto converted = unet::unetWeightsFromLdm(ldm, config);

    // Every mapped key lands on the diffusers name the key map gives.
    const auto targets = test::keyMapTargets(kData / s, prefix);
    for (const auto& [key, target] : targets) QVERIFY2(converted.has(target), (key + " -> " + target).c_str());
    QCOMPARE(targets.size(), converted.size());

    auto model = test::loadedModule<unet::UNet2DConditionModel>(config, converted);
    for (const char* name : {"unet", "unet_odd_size"}) {
      const auto c = runCase(*model, s, name);
      QVERIFY2(c.ok, c.detail.c_str());
    }

    // Detection from shapes recovers everything but heads and norm groups.
    unet::LdmUNetDefaults defaults;
    defaults.norm_num_groups = config.norm_num_groups;
    const auto detected = unet::detectUNetConfigFromLdm(ldm, defaults);
    QCOMPARE(detected.block_out_channels, config.block_out_channels);
    QCOMPARE(detected.layers_per_block, config.layers_per_block);
    QCOMPARE(detected.down_block_types, config.down_block_types);
    QCOMPARE(detected.up_block_types, config.up_block_types);
    QCOMPARE(detected.transformer_layers_per_block, config.transformer_layers_per_block);
    QCOMPARE(detected.cross_attention_dim, config.cross_attention_dim);
    QCOMPARE(detected.use_linear_projection, config.use_linear_projection);
    QCOMPARE(detected.in_channels, config.in_channels);
    QCOMPARE(detected.out_channels, config.out_channels);
    QCOMPARE(detected.attentionLayersPerForward(), config.attentionLayersPerForward());
  }

  void singleFileUnknownKeyIsReported() {
    QTemporaryDir dir;
    const auto path = std::filesystem::path(dir.path().toStdString()) / "model.safetensors";
    test::buildSingleFileFromKeyMap(kData / "sd-tiny-v1", path);
    auto ldm = io::WeightSource::fromFile(io::SafetensorsFile::open(path.string()), "model.diffusion_model.");
    ldm.add("input_blocks.1.0.extra_layers.0.weight", ldm.entry("out.2.bias"));
    const auto config = setConfig("sd-tiny-v1");
    unet::UNet2DConditionModel model(config);
    try {
      io::loadModule(model, unet::unetWeightsFromLdm(ldm, config));
      QFAIL("an unknown single-file key was accepted");
    } catch (const Error& e) {
      QVERIFY2(std::string(e.what()).find("input_blocks.1.0.extra_layers.0.weight") != std::string::npos, e.what());
    }
  }

  void oddSizesFollowSkips() {
    auto model = std::make_shared<unet::UNet2DConditionModel>(unet::parseUNetConfig(kMiniConfig, "mini"));
    torch::manual_seed(1);
    torch::NoGradGuard no_grad;
    for (auto hw : std::vector<std::pair<int64_t, int64_t>>{{1, 1}, {3, 5}, {7, 2}, {8, 9}}) {
      const auto out = model->forward(torch::randn({2, 4, hw.first, hw.second}), torch::tensor(10),
                                      torch::randn({2, 5, 12}));
      QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{2, 4, hw.first, hw.second}));
      QVERIFY(torch::isfinite(out).all().item<bool>());
    }
  }

  // bfloat16 on the CPU runs channels-last (the loader's rule): the same
  // numbers as contiguous weights up to bfloat16 rounding, on the tiny set's
  // weights, and a contiguous result the stereo operations can view.
  void channelsLastBfloat16MatchesContiguous() {
    auto model = loadDiffusers("sd-tiny-v1");
    model->to(torch::kBFloat16);
    const auto spec = test::findCase("sd-tiny-v1", "unet");
    const auto file = io::SafetensorsFile::open((kData / "sd-tiny-v1" / spec["file"].get<std::string>()).string());
    torch::NoGradGuard no_grad;
    const auto run = [&] {
      return model->forward(file->tensor("sample"), file->tensor("timestep"), file->tensor("encoder_hidden_states"));
    };
    const auto plain = run();
    model->useMemoryFormatFor(torch::kBFloat16, torch::kCPU);
    const auto channels_last = run();
    model->useMemoryFormatFor(torch::kFloat32, torch::kCPU);
    QVERIFY(channels_last.is_contiguous());
    const auto a = plain.to(torch::kFloat32), b = channels_last.to(torch::kFloat32);
    QVERIFY2(((a - b).abs() <= 0.03 * a.abs() + 0.03).all().item<bool>(),
             qPrintable(QString::number((a - b).abs().max().item<double>())));
  }

  void timestepForms() {
    auto model = loadDiffusers("sd-tiny-v1");
    torch::manual_seed(2);
    torch::NoGradGuard no_grad;
    const auto x = torch::randn({2, 4, 8, 8}), ctx = torch::randn({2, 77, 32});
    const auto a = model->forward(x, torch::tensor({500, 500}, torch::kInt64), ctx);
    const auto b = model->forward(x, torch::tensor(500), ctx);
    const auto c = model->forward(x, torch::tensor({500.0f}), ctx);
    QVERIFY(torch::equal(a, b));
    QVERIFY(torch::equal(a, c));
    QVERIFY_EXCEPTION_THROWN(model->forward(x, torch::tensor({1, 2, 3}), ctx), Error);
    QVERIFY_EXCEPTION_THROWN(model->forward(x, torch::tensor(1), torch::randn({2, 77, 31})), Error);
  }

  void processorHookSeesEveryLayer_data() {
    QTest::addColumn<QString>("set");
    QTest::addColumn<int>("expected");
    QTest::newRow("v1") << "sd-tiny-v1" << 20;
    QTest::newRow("v2") << "sd-tiny-v2" << 32;
  }

  void processorHookSeesEveryLayer() {
    QFETCH(QString, set);
    QFETCH(int, expected);
    auto model = loadDiffusers(set.toStdString());
    QCOMPARE(model->attentionLayersPerForward(), expected);
    auto counter = std::make_shared<CountingProcessor>();
    model->setAttentionProcessor(counter);
    torch::manual_seed(3);
    torch::NoGradGuard no_grad;
    const auto x = torch::randn({1, 4, 8, 16}), ctx = torch::randn({1, 77, 32});
    const auto with_hook = model->forward(x, torch::tensor(7), ctx);
    model->forward(x, torch::tensor(7), ctx);
    QCOMPARE(int(counter->seen.size()), 2 * expected);
    std::string last_place = "down";
    for (int i = 0; i < int(counter->seen.size()); ++i) {
      const auto& s = counter->seen[size_t(i)];
      QCOMPARE(s.index, i % expected);
      QCOMPARE(s.layers_per_forward, expected);
      QCOMPARE(s.is_cross, i % 2 == 1);  // attn1 (self) then attn2 (cross)
      QCOMPARE(s.nk == 77, s.is_cross);
      if (i % expected == 0) last_place = "down";
      // Places come in order down -> mid -> up.
      QVERIFY(s.place == last_place || (last_place == "down" && s.place == "mid") ||
              (last_place == "mid" && s.place == "up"));
      last_place = s.place;
    }
    QCOMPARE(counter->seen[size_t(expected - 1)].place, std::string("up"));

    model->setAttentionProcessor(nullptr);
    QVERIFY(torch::allclose(model->forward(x, torch::tensor(7), ctx), with_hook, 1e-6, 1e-6));
    model->setAttentionProcessor(std::make_shared<ZeroCrossProcessor>());
    QVERIFY(!torch::allclose(model->forward(x, torch::tensor(7), ctx), with_hook, 1e-3, 1e-3));
  }

  void gradientsReachTheTextEmbedding() {
    auto model = loadDiffusers("sd-tiny-v1");
    auto ctx = torch::randn({1, 77, 32}).requires_grad_(true);
    const auto out = model->forward(torch::randn({1, 4, 8, 8}), torch::tensor(3), ctx);
    out.square().mean().backward();
    QVERIFY(ctx.grad().defined());
    QVERIFY(ctx.grad().abs().sum().item<double>() > 0);
  }

  void configHeadsIntAndList() {
    const auto v1 = setConfig("sd-tiny-v1");  // attention_head_dim 8 (an int = heads everywhere)
    QCOMPARE(v1.num_attention_heads, (std::vector<int>{8, 8, 8, 8}));
    QCOMPARE(v1.attentionLayersPerForward(), 20);
    const auto v2 = setConfig("sd-tiny-v2");  // [2, 2, 4, 4]: per down block, reversed for up blocks
    QCOMPARE(v2.num_attention_heads, (std::vector<int>{2, 2, 4, 4}));
    QCOMPARE(v2.upHeads(1), 4);
    QCOMPARE(v2.upHeads(3), 2);
    QCOMPARE(v2.midHeads(), 4);
    QVERIFY(v2.use_linear_projection);
    QVERIFY(v2.upcast_attention);

    auto j = nlohmann::json::parse(kMiniConfig);
    j["num_attention_heads"] = nlohmann::json::array({4, 8});  // wins over attention_head_dim
    j["transformer_layers_per_block"] = nlohmann::json::array({2, 1});
    const auto c = unet::parseUNetConfig(j.dump(), "mini");
    QCOMPARE(c.num_attention_heads, (std::vector<int>{4, 8}));
    QCOMPARE(c.upHeads(1), 4);
    QCOMPARE(c.upTransformerLayers(1), 2);
    // down 0: 1 layer x 2 transformer blocks; up 1: 2 layers x 2; mid: 1 (last entry) -> (2 + 4 + 1) x 2
    QCOMPARE(c.attentionLayersPerForward(), 14);
    unet::UNet2DConditionModel model(c);
    QCOMPARE(model.attentionLayersPerForward(), 14);
  }

  void configRejectsWhatItCannotRun() {
    const auto rejects = [](const std::function<void(nlohmann::json&)>& edit, const std::string& word) {
      auto j = nlohmann::json::parse(kMiniConfig);
      edit(j);
      try {
        unet::parseUNetConfig(j.dump(), "cfg.json");
      } catch (const Error& e) {
        return std::string(e.what()).find(word) != std::string::npos &&
               std::string(e.what()).find("cfg.json") != std::string::npos;
      }
      return false;
    };
    QVERIFY(rejects([](auto& j) { j["attention_head_dim"] = nlohmann::json::array({2, 2, 2}); }, "attention_head_dim"));
    QVERIFY(rejects([](auto& j) { j["attention_head_dim"] = 3; }, "heads"));
    QVERIFY(rejects([](auto& j) { j["class_embed_type"] = "timestep"; }, "class_embed_type"));
    QVERIFY(rejects([](auto& j) { j["down_block_types"][0] = "SimpleCrossAttnDownBlock2D"; }, "SimpleCrossAttn"));
    QVERIFY(rejects([](auto& j) { j["norm_num_groups"] = 3; }, "norm_num_groups"));
    QVERIFY(rejects([](auto& j) { j["layers_per_block"] = "two"; }, "layers_per_block"));
    QVERIFY_EXCEPTION_THROWN(unet::parseUNetConfig("{not json", "x"), Error);
  }

  void loaderNamesBadTensors() {
    const auto config = setConfig("sd-tiny-v1");
    const auto good = diffusersWeights("sd-tiny-v1");
    const std::string victim = "down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k.weight";
    const auto message = [&](const io::WeightSource& w) {
      unet::UNet2DConditionModel model(config);
      try {
        io::loadModule(model, w);
      } catch (const Error& e) {
        return std::string(e.what());
      }
      return std::string();
    };
    auto bad_shape = good;
    io::WeightSource::Entry e = good.entry(victim);
    e.shape = {32, 31};
    bad_shape.add(victim, e);
    auto msg = message(bad_shape);
    QVERIFY2(msg.find(victim) != std::string::npos && msg.find("wrong shape") != std::string::npos, msg.c_str());

    const auto missing = good.renamed([&](const std::string& k) -> std::optional<std::string> {
      if (k == victim) return std::nullopt;
      return k;
    });
    msg = message(missing);
    QVERIFY2(msg.find("Missing") != std::string::npos && msg.find(victim) != std::string::npos, msg.c_str());

    auto extra = good;
    extra.add("down_blocks.9.resnets.0.conv1.weight", good.entry("conv_in.weight"));
    msg = message(extra);
    QVERIFY2(msg.find("down_blocks.9.resnets.0.conv1.weight") != std::string::npos, msg.c_str());
  }

  // The attention of the layers' head-split views ([B, h, N, d], strided like
  // diffusers' transposes) equals softmax(q k^T s) v written out in float64,
  // with Nk != Nq, a value width != d, and a batch that broadcasts.
  void attentionMatchesItsFormula() {
    torch::manual_seed(3);
    const auto split = [](int64_t b, int64_t n, int64_t h, int64_t d) {
      return torch::randn({b, n, h * d}).view({b, n, h, d}).transpose(1, 2);  // [B, h, N, d], not contiguous
    };
    const auto q = split(2, 7, 3, 4), k = split(2, 5, 3, 4), v = split(2, 5, 3, 6);
    const double scale = 0.37;
    const auto reference = [&](const torch::Tensor& kk, const torch::Tensor& vv) {
      const auto s = torch::matmul(q.to(torch::kDouble), kk.to(torch::kDouble).transpose(-1, -2)) * scale;
      return torch::matmul(s.softmax(-1), vv.to(torch::kDouble));
    };
    torch::NoGradGuard no_grad;
    const auto out = attn::scaledDotProductAttention(q, k, v, scale);
    QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{2, 3, 7, 6}));
    QVERIFY(torch::allclose(out.to(torch::kDouble), reference(k, v), 1e-5, 1e-6));
    const auto k1 = k.narrow(0, 0, 1), v1 = v.narrow(0, 0, 1);  // one K/V for both batch rows
    QVERIFY(torch::allclose(attn::scaledDotProductAttention(q, k1, v1, scale).to(torch::kDouble), reference(k1, v1),
                            1e-5, 1e-6));
  }

  // nn::linear is the module's own arithmetic (one fused addmm for any rank).
  void fusedLinearMatchesTheModule() {
    torch::manual_seed(4);
    torch::nn::Linear with_bias(6, 5), no_bias(torch::nn::LinearOptions(6, 5).bias(false));
    torch::NoGradGuard no_grad;
    for (const auto& x : {torch::randn({3, 6}), torch::randn({2, 4, 6}), torch::randn({2, 4, 6}).transpose(0, 1)}) {
      for (auto* layer : {&with_bias, &no_bias}) {
        const auto y = nn::linear(*layer, x);
        QCOMPARE(y.sizes().vec(), (*layer)->forward(x).sizes().vec());
        QVERIFY(torch::allclose(y, (*layer)->forward(x), 1e-6, 1e-6));
      }
    }
  }

  // bfloat16 norms: the result is bfloat16 and within its rounding of the
  // float32 norm of the same input. Values far from zero (mean 100, spread 3)
  // are where statistics kept in bfloat16 lose their digits: LibTorch 1.13's
  // own bfloat16 GroupNorm was 0.56 off here, about ten times this bound.
  void bfloat16NormsRoundTheFloat32Result() {
    torch::manual_seed(5);
    torch::nn::GroupNorm gn(torch::nn::GroupNormOptions(8, 32).eps(1e-5));
    torch::nn::LayerNorm ln(torch::nn::LayerNormOptions({32}).eps(1e-5));
    torch::NoGradGuard no_grad;
    gn->weight.uniform_(0.5, 1.5);
    gn->bias.uniform_(-0.5, 0.5);
    ln->weight.uniform_(0.5, 1.5);
    ln->bias.uniform_(-0.5, 0.5);
    const auto x = (torch::randn({2, 32, 6, 6}) * 3 + 100).to(torch::kBFloat16);
    const auto tokens = x.flatten(2).transpose(1, 2).contiguous();  // [2, 36, 32]
    const auto gn32 = gn->forward(x.to(torch::kFloat32));
    const auto ln32 = ln->forward(tokens.to(torch::kFloat32));
    gn->to(torch::kBFloat16);
    ln->to(torch::kBFloat16);
    const auto g = nn::groupNorm(gn, x), l = nn::layerNorm(ln, tokens);
    QCOMPARE(g.scalar_type(), torch::kBFloat16);
    QCOMPARE(l.scalar_type(), torch::kBFloat16);
    // bfloat16 weights and one rounding of the output: a few units of 2^-8 relative
    const auto close = [](const torch::Tensor& a, const torch::Tensor& b) {
      return ((a.to(torch::kFloat32) - b).abs() <= 0.02 * b.abs() + 0.02).all().item<bool>();
    };
    QVERIFY(close(g, gn32));
    QVERIFY(close(l, ln32));
  }
};

QTEST_GUILESS_MAIN(TestUNet)
#include "test_unet.moc"
