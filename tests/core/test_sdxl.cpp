// Stable Diffusion XL on the small copy of sd-tiny-xl in tests/data: both
// weight layouts (the single file is rebuilt from model_key_map.json), the two
// text encoders and the concatenated conditioning, the added text_time
// conditioning (pooled embedding + size ids) through the UNet, the packing
// that carries it through the pipelines, one txt2stereo case both ways (K/V
// cache and two-view batch), and the refusal of SDXL variants that are not
// implemented (refiner, inpainting).
#include <QtTest/QtTest>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/engine/pipelines/text_conditioning.h"
#include "core/engine/pipelines/txt2stereo.h"
#include "core/verify/compare.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"
#include "models/sd/sdxl_prompts.h"
#include "models/sd/stable_diffusion.h"
#include "models/unet/added_embedding.h"
#include "models/unet/unet_ldm_keys.h"
#include "tests/support/expect_error.h"
#include "tests/support/fixture_data.h"
#include "tests/support/single_file_from_key_map.h"

namespace fs = std::filesystem;
using namespace sds;

namespace {

const fs::path kSet = fs::path(SDSTEREO_TEST_DATA) / "sd-tiny-xl";

nlohmann::json caseNamed(const std::string& name) { return test::findCase("sd-tiny-xl", name); }

std::shared_ptr<const io::SafetensorsFile> caseFile(const nlohmann::json& kase) {
  return io::SafetensorsFile::open((kSet / kase.at("file").get<std::string>()).string());
}

// Within the case's tolerance (the fixture rule).
std::string near(const torch::Tensor& actual, const torch::Tensor& expected, const nlohmann::json& kase) {
  verify::Tolerance tol;
  tol.atol = kase.at("atol");
  tol.rtol = kase.at("rtol");
  const auto c = verify::compareTensors(actual.to(torch::kCPU, torch::kFloat32), expected, tol);
  return c.ok ? "" : c.detail;
}

std::string sameWeights(torch::nn::Module& a, torch::nn::Module& b) {
  auto pb = b.named_parameters();
  for (const auto& p : a.named_parameters()) {
    const auto* other = pb.find(p.key());
    if (!other) return "missing " + p.key();
    if (!torch::equal(p.value(), *other)) return "differs: " + p.key();
  }
  return a.named_parameters().size() == pb.size() ? "" : "parameter counts differ";
}

}  // namespace

class TestSdxl : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    tmp_ = fs::temp_directory_path() / ("sds_test_sdxl_" + std::to_string(::getpid()));
    fs::create_directories(tmp_);
    test::buildSingleFileFromKeyMap(kSet, single());
    model_ = std::make_unique<sd::StableDiffusion>(sd::loadStableDiffusion((kSet / "model").string()));
  }
  void cleanupTestCase() { fs::remove_all(tmp_); }

  void diffusersFolderIsDetectedAsXl() {
    const auto& m = *model_;
    QVERIFY(m.version == sd::SdVersion::SDXL);
    QVERIFY(m.tokenizer && m.tokenizer_2 && m.text_encoder && m.text_encoder_2 && m.unet && m.vae);
    QCOMPARE(m.tokenizer->padId(), int64_t(49407));
    QCOMPARE(m.tokenizer_2->padId(), int64_t(0));
    QCOMPARE(m.text_encoder->config().hidden_act == clip::Activation::QuickGelu, true);
    QCOMPARE(m.text_encoder_2->config().hidden_act == clip::Activation::Gelu, true);
    QCOMPARE(m.text_encoder_2->config().projection_dim, 20);
    QVERIFY(m.unet->config().hasTextTime());
    QCOMPARE(m.unet->config().addedTextEmbedsDim(), 20);
    QCOMPARE(m.unet->config().down_block_types.front(), std::string("DownBlock2D"));
    QCOMPARE(m.unet->attentionLayersPerForward(), 34);  // 17 transformer blocks (depth per block 1, 1, 2)
    QCOMPARE(m.vae->scalingFactor(), 0.13025);
    QVERIFY(m.force_zeros_for_empty_prompt);
    QCOMPARE(sd::nativeImageSize(m.version), 1024);
  }

  // The sgm single file (conditioner.embedders.0/1, label_emb, first_stage_model)
  // read with config_dir gives bit-identical weights: the OpenCLIP in_proj split,
  // the transposed text_projection and label_emb -> add_embedding included.
  void singleFileEqualsDiffusersFolder() {
    sd::SdLoadOptions o;
    o.config_dir = (kSet / "model").string();
    const auto m = sd::loadStableDiffusion(single().string(), o);
    QVERIFY(m.version == sd::SdVersion::SDXL);
    QVERIFY(m.layout == sd::SdLayout::SingleFile);
    QCOMPARE(m.tokenizer_2->padId(), int64_t(0));
    QCOMPARE(QString::fromStdString(sameWeights(*m.text_encoder, *model_->text_encoder)), QString());
    QCOMPARE(QString::fromStdString(sameWeights(*m.text_encoder_2, *model_->text_encoder_2)), QString());
    QCOMPARE(QString::fromStdString(sameWeights(*m.unet, *model_->unet)), QString());
    QCOMPARE(QString::fromStdString(sameWeights(*m.vae, *model_->vae)), QString());
    QCOMPARE(m.vae->scalingFactor(), 0.13025);
  }

  // Without a config the UNet's structure comes from the shapes (text_time from
  // label_emb's input width, depth per block, the attention-free first block);
  // group count and A are not stored, so the test passes the tiny model's.
  void singleFileWithoutConfigDetectsWhatShapesTell() {
    sd::SdLoadOptions none;
    none.components = 0;
    QVERIFY(sd::loadStableDiffusion(single().string(), none).version == sd::SdVersion::SDXL);
    const auto ldm = io::WeightSource::fromFile(io::SafetensorsFile::open(single().string()), "model.diffusion_model.");
    unet::LdmUNetDefaults defaults;
    defaults.norm_num_groups = 8;
    defaults.addition_time_embed_dim = 8;
    const auto c = unet::detectUNetConfigFromLdm(ldm, defaults);
    const auto& ref = model_->unet->config();
    QVERIFY(c.hasTextTime());
    QCOMPARE(c.projection_class_embeddings_input_dim, 68);
    QCOMPARE(c.down_block_types, ref.down_block_types);
    QCOMPARE(c.up_block_types, ref.up_block_types);
    QCOMPARE(c.transformer_layers_per_block, ref.transformer_layers_per_block);
    QCOMPARE(c.attentionLayersPerForward(), 34);
    sd::SdLoadOptions text;
    text.components = sd::kTextEncoder;
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(single().string(), text), "heads");
  }

  // prompt_embeds = cat(penultimate states of both encoders), pooled = projected
  // EOS state of text_encoder_2: equal to the UNet case's inputs.
  void promptEmbeddingsConcatenateBothEncoders() {
    const auto kase = caseNamed("unet");
    const auto file = caseFile(kase);
    std::vector<std::string> prompts;
    for (const auto& p : kase.at("inputs").at("prompts")) prompts.push_back(p);
    const auto e = sd::encodeSdxlPrompts(*model_, prompts);
    QCOMPARE(e.prompt_embeds.sizes().vec(), (std::vector<int64_t>{2, 77, 36}));
    QCOMPARE(QString::fromStdString(near(e.prompt_embeds, file->tensor("encoder_hidden_states"), kase)), QString());
    QCOMPARE(QString::fromStdString(near(e.pooled, file->tensor("text_embeds"), kase)), QString());
  }

  // The added conditions reach the UNet both apart and packed, identically, and matter.
  void addedConditionsDriveTheUNet() {
    const auto kase = caseNamed("unet");
    const auto file = caseFile(kase);
    torch::NoGradGuard no_grad;
    const auto sample = file->tensor("sample"), t = file->tensor("timestep");
    const auto context = file->tensor("encoder_hidden_states");
    const unet::AddedConditions added{file->tensor("text_embeds"), file->tensor("time_ids")};
    unet::UNetTrace trace;
    const auto out = model_->unet->forward(sample, t, context, added, &trace);
    QCOMPARE(QString::fromStdString(near(out, file->tensor("out"), kase)), QString());
    QCOMPARE(QString::fromStdString(near(trace.tensors.at("add_time_proj"), file->tensor("dbg_add_time_proj"), kase)),
             QString());
    QCOMPARE(QString::fromStdString(near(trace.tensors.at("add_embedding"), file->tensor("dbg_add_embedding"), kase)),
             QString());
    const auto packed = unet::packAddedConditions(context, added);
    QCOMPARE(packed.size(1), int64_t(77 + 1));  // (20 + 6) numbers fit one extra row of 36
    QVERIFY(torch::equal(model_->unet->forward(sample, t, packed), out));
    // Other size ids give another prediction; none at all is refused by name.
    const unet::AddedConditions other{added.text_embeds, added.time_ids.flip(0)};
    QVERIFY((model_->unet->forward(sample, t, context, other) - out).abs().max().item<float>() > 1e-3);
    SDS_VERIFY_THROWS(model_->unet->forward(sample, t, context, unet::AddedConditions{}), "time_ids");
  }

  void packingRoundTripsAtAnyWidth() {
    for (int64_t d : {4, 7, 26, 2048}) {
      const auto ctx = torch::randn({3, 5, d});
      const unet::AddedConditions a{torch::randn({3, 20}), torch::randn({3, 6})};
      const auto packed = unet::packAddedConditions(ctx, a);
      QCOMPARE(packed.size(1), 5 + unet::packedAddedRows(20, d));
      const auto [c, b] = unet::unpackAddedConditions(packed, 20);
      QVERIFY(torch::equal(c, ctx) && torch::equal(b.text_embeds, a.text_embeds) && torch::equal(b.time_ids, a.time_ids));
    }
    SDS_VERIFY_THROWS(unet::unpackAddedConditions(torch::zeros({1, 1, 36}), 20), "packed");
  }

  // No negative prompt + force_zeros_for_empty_prompt: zero uncond rows; "" is encoded.
  void missingNegativePromptGivesZeroUncond() {
    pipelines::SdxlConditioning c;
    c.no_negative_prompt = true;
    c.original_size = std::array<int, 2>{256, 768};
    const auto pair = pipelines::encodeGuidancePair(*model_, "a cat", "", 64, 192, c);  // [2, 78, 36]
    const auto [ctx, added] = unet::unpackAddedConditions(pair, 20);
    QCOMPARE(ctx[0].abs().max().item<float>(), 0.0f);
    QCOMPARE(added.text_embeds[0].abs().max().item<float>(), 0.0f);
    QVERIFY(torch::equal(added.time_ids[0], torch::tensor({256.f, 768.f, 0.f, 0.f, 64.f, 192.f})));
    QVERIFY(torch::equal(added.time_ids[1], added.time_ids[0]));
    c.no_negative_prompt = false;
    const auto encoded = pipelines::encodeGuidancePair(*model_, "a cat", "", 64, 192, c);
    QVERIFY(encoded[0].abs().max().item<float>() > 0);
    SDS_VERIFY_THROWS(pipelines::encodeGuidancePair(*model_, "a cat", ""), "image size");
  }

  // txt2stereo_uni through the K/V-cache fast path and through the two-view batch.
  void txt2stereoUniMatchesTheReference_data() {
    QTest::addColumn<bool>("kv");
    QTest::newRow("kv-cache") << true;
    QTest::newRow("two-view batch") << false;
  }
  void txt2stereoUniMatchesTheReference() {
    QFETCH(bool, kv);
    const auto kase = caseNamed("txt2stereo_uni");
    const auto file = caseFile(kase);
    const auto& in = kase.at("inputs");
    pipelines::Txt2StereoParams p;
    p.prompt = in.at("prompt");
    p.negative_prompt = in.at("negative_prompt");
    p.steps = in.at("num_inference_steps");
    p.guidance_scale = in.at("guidance_scale");
    p.height = in.at("height");
    p.width = in.at("width");
    p.initial_latents = file->tensor("sc1");
    p.disparity = file->tensor("disparity");
    p.shift_step = in.at("swapat");
    p.mask_interval = in.at("mask_interval");
    p.scale_factor = in.at("scale_factor");
    p.use_kv_cache = kv;
    const auto r = pipelines::txt2stereo(*model_, p);
    QCOMPARE(r.used_kv_cache, kv);
    QCOMPARE(QString::fromStdString(near(r.pass1_latents, file->tensor("pass1_latents"), kase)), QString());
    QCOMPARE(QString::fromStdString(near(r.latents, file->tensor("latents"), kase)), QString());
    QCOMPARE(QString::fromStdString(near(r.image01, file->tensor("image01"), kase)), QString());
  }

  void refusesRefinerAndInpaintingByName() {
    // Diffusers: a refiner has no text_encoder and conditions on an aesthetic score.
    const fs::path refiner = tmp_ / "refiner";
    fs::copy(kSet / "model", refiner, fs::copy_options::recursive);
    std::ifstream in(refiner / "model_index.json");
    auto index = nlohmann::json::parse(in);
    index["text_encoder"] = {nullptr, nullptr};
    index["requires_aesthetics_score"] = true;
    std::ofstream(refiner / "model_index.json") << index.dump();
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(refiner.string()), "refiner");
    // Single files: one OpenCLIP embedder only (refiner); a 9-channel UNet input (inpainting).
    test::KeyMapBuildOptions only_second;
    only_second.keep = [](const std::string& k) { return k.rfind("conditioner.embedders.0.", 0) != 0; };
    test::buildSingleFileFromKeyMap(kSet, tmp_ / "refiner.safetensors", only_second);
    SDS_VERIFY_THROWS(sd::loadStableDiffusion((tmp_ / "refiner.safetensors").string()), "refiner");
    test::KeyMapBuildOptions nine;
    nine.edit = [](const std::string& k, torch::Tensor t) {
      return k == "model.diffusion_model.input_blocks.0.0.weight" ? torch::cat({t, t, t.narrow(1, 0, 1)}, 1) : t;
    };
    test::buildSingleFileFromKeyMap(kSet, tmp_ / "inpaint.safetensors", nine);
    SDS_VERIFY_THROWS(sd::loadStableDiffusion((tmp_ / "inpaint.safetensors").string()), "inpainting");
  }

 private:
  fs::path single() const { return tmp_ / "sd-tiny-xl.safetensors"; }
  fs::path tmp_;
  std::unique_ptr<sd::StableDiffusion> model_;
};

QTEST_APPLESS_MAIN(TestSdxl)
#include "test_sdxl.moc"
