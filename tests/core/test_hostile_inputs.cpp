// Hostile files and numbers (issue 15): every case ends in one clear sds::Error
// or a correct result, never a crash, a hang, an exhausted memory or a silently
// wrong picture. Every hostile file is made here, in a temporary folder.
#include <QtTest/QtTest>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <sstream>
#include <torch/torch.h>

#include "core/engine/compute_device.h"
#include "core/engine/pipelines/txt2img.h"
#include "core/engine/render/disparity_map.h"
#include "core/media/image_io.h"
#include "core/media/mpo.h"
#include "core/verify/runner.h"
#include "core/verify/set_files.h"
#include "models/clip/text_encoder_config.h"
#include "models/clip/tokenizer.h"
#include "core/base/atomic_file.h"
#include "models/common/config_fields.h"
#include "models/common/json_limits.h"
#include "models/depth/depth_anything3_config.h"
#include "models/depth/depth_anything_config.h"
#include "models/depth/depth_anything_loader.h"
#include "models/io/safetensors.h"
#include "models/sd/scheduler_config.h"
#include "models/sd/stable_diffusion.h"
#include "models/unet/unet_config.h"
#include "models/vae/vae_config.h"
#include "tests/support/expect_error.h"

namespace fs = std::filesystem;
using namespace sds;
using nlohmann::json;

namespace {

const std::string kData = SDSTEREO_TEST_DATA;

std::string nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

void writeText(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A safetensors file with the header text as given (padded with spaces to `pad_to`).
std::string safetensorsBytes(std::string header, size_t pad_to = 8) {
  while (header.size() % pad_to) header.push_back(' ');
  std::string bytes(8, '\0');
  const uint64_t n = header.size();
  for (int i = 0; i < 8; ++i) bytes[size_t(i)] = char((n >> (8 * i)) & 0xff);
  return bytes + header;
}

json readJson(const fs::path& path) { return json::parse(readText(path)); }

std::vector<std::string> partEntries(const fs::path& folder) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(folder))
    if (e.path().filename().string().find(".part-") != std::string::npos) out.push_back(e.path().filename().string());
  return out;
}

// A pid that no process has: a child that already exited and was reaped.
pid_t deadPid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

}  // namespace

class TestHostileInputs : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir tmp_;
  fs::path dir(const std::string& name) {
    const fs::path p = fs::path(tmp_.path().toStdString()) / name;
    fs::create_directories(p);
    return p;
  }

 private Q_SLOTS:
  void initTestCase() { QVERIFY(tmp_.isValid()); }

  // ---- JSON: nesting, sizes, FIFOs ----

  void testRejectsDeeplyNestedMetadata() {
    const fs::path p = dir("nested") / "deep.safetensors";
    writeText(p, safetensorsBytes("{\"__metadata__\":{\"a\":" + nested(100000) + "}}"));
    SDS_VERIFY_THROWS(io::SafetensorsFile::open(p.string()), "nests deeper");
    // As depth model weights too: the same clear error, not a crash.
    SDS_VERIFY_THROWS(depth::readDepthAnythingConfig(p.string()), "nests deeper");
  }

  void testKeepsOnlyBoundedStringMetadata() {
    const fs::path p = dir("metadata") / "m.safetensors";
    const std::string big(100000, 'x');
    // A plain literal: moc 6.4 mis-reads a raw string that ends in a quote, and would skip this class.
    writeText(p, safetensorsBytes("{\"__metadata__\":{\"format\":\"pt\",\"obj\":{\"a\":[1,2]},\"num\":3,\"big\":\"" + big + "\"}}"));
    const auto f = io::SafetensorsFile::open(p.string());
    QCOMPARE(f->metadata().size(), size_t(1));
    QCOMPARE(f->metadata().at("format"), std::string("pt"));
  }

  void testRejectsDeeplyNestedConfigs() {
    const std::string deep = "{\"in_channels\":" + nested(100000) + "}";
    SDS_VERIFY_THROWS(unet::parseUNetConfig(deep, "unet/config.json"), "unet/config.json nests deeper");
    SDS_VERIFY_THROWS(vae::parseVaeConfig(deep, "vae/config.json"), "nests deeper");
    SDS_VERIFY_THROWS(clip::parseTextEncoderConfig("{\"text_config\":{\"x\":" + nested(100000) + "}}", "te.json"),
                      "nests deeper");
    SDS_VERIFY_THROWS(parseSchedulerConfig(deep, "s.json"), "nests deeper");
    // A value an error message quotes is an excerpt, not a dump.
    const std::string wide = "{\"act_fn\":[" + std::string(200000, '1').insert(1, ",") + "]}";
    try {
      unet::parseUNetConfig(wide, "u.json");
      QFAIL("no error");
    } catch (const Error& e) {
      QVERIFY(std::string(e.what()).size() < 400);
    }
  }

  void testRejectsFifoInsteadOfJson() {
    const fs::path tok = dir("fifo_tokenizer");
    fs::copy(kData + "/sd-tiny-v1/model/tokenizer", tok, fs::copy_options::recursive);
    fs::remove(tok / "vocab.json");
    QCOMPARE(::mkfifo((tok / "vocab.json").c_str(), 0600), 0);
    SDS_VERIFY_THROWS(clip::Tokenizer::fromFolder(tok.string()), "not a regular file");

    const fs::path set = dir("fifo_set");
    QCOMPARE(::mkfifo((set / "cases.json").c_str(), 0600), 0);
    std::ostringstream out;
    QCOMPARE(verify::runFixtureSet(set, out), 1);
    QVERIFY2(out.str().find("not a regular file") != std::string::npos, out.str().c_str());

    SDS_VERIFY_THROWS(readRegularFile("/dev/zero", kMaxJsonFileBytes, "vocab"), "not a regular file");
  }

  void testRejectsNestedCasesJson() {
    const fs::path set = dir("nested_set");
    writeText(set / "cases.json", "{\"kind\":\"stereo-ops\",\"cases\":" + nested(100000) + "}");
    std::ostringstream out;
    QCOMPARE(verify::runFixtureSet(set, out), 1);
    QVERIFY2(out.str().find("nests deeper") != std::string::npos, out.str().c_str());
  }

  // ---- numbers ----

  void testRejectsIntegersThatWouldWrapOrTruncate() {
    const std::string unet = readText(kData + "/sd-tiny-v1/model/unet/config.json");
    for (const auto& [value, needle] : std::vector<std::pair<json, std::string>>{
             {json(4294967300ull), "outside"}, {json(4.9), "not an integer"}, {json(-4), "outside"}}) {
      json j = json::parse(unet);
      j["in_channels"] = value;
      SDS_VERIFY_THROWS(unet::parseUNetConfig(j.dump(), "unet/config.json"), "'in_channels' = ");
      SDS_VERIFY_THROWS(unet::parseUNetConfig(j.dump(), "unet/config.json"), needle);
    }
    json j = json::parse(unet);
    j["block_out_channels"] = {16, 32, 32, 4294967328ull};
    SDS_VERIFY_THROWS(unet::parseUNetConfig(j.dump(), "unet/config.json"), "block_out_channels[3]");

    json te = json::parse(readText(kData + "/sd-tiny-v1/model/text_encoder/config.json"));
    te["hidden_size"] = 4294967328ull;  // 2^32 + 32
    SDS_VERIFY_THROWS(clip::parseTextEncoderConfig(te.dump(), "te.json"), "'hidden_size' = 4294967328 is outside");

    json vae = json::parse(readText(kData + "/sd-tiny-v1/model/vae/config.json"));
    vae["latent_channels"] = 4.0;
    SDS_VERIFY_THROWS(vae::parseVaeConfig(vae.dump(), "vae.json"), "'latent_channels' = 4.0 is not an integer");

    QCOMPARE(configInt(json{{"n", 7}}, "n", 1, 0, 10, "x"), 7);
    QCOMPARE(configInt(json{{"n", nullptr}}, "n", 3, 0, 10, "x"), 3);
    SDS_VERIFY_THROWS(configPositive(json{{"eps", -1e-5}}, "eps", 1, "cfg.json"), "cfg.json: 'eps'");
  }

  // One convention for every network's config.json: a field of the wrong type
  // is an sds::Error naming the file and the field (never a nlohmann error,
  // never silently ignored).
  void testWronglyTypedConfigFieldsNameTheFileAndTheField() {
    json u = json::parse(readText(kData + "/sd-tiny-v1/model/unet/config.json"));
    u["use_linear_projection"] = "yes";
    SDS_VERIFY_THROWS(unet::parseUNetConfig(u.dump(), "unet/config.json"),
                      "unet/config.json: 'use_linear_projection' = \"yes\" is not true or false");

    json v = json::parse(readText(kData + "/sd-tiny-v1/model/vae/config.json"));
    v["down_block_types"] = {"DownEncoderBlock2D", 2};
    SDS_VERIFY_THROWS(vae::parseVaeConfig(v.dump(), "vae/config.json"),
                      "vae/config.json: 'down_block_types[1]' = 2 is not a string");

    json te = json::parse(readText(kData + "/sd-tiny-v1/model/text_encoder/config.json"));
    te["hidden_act"] = 5;  // was a nlohmann::type_error
    SDS_VERIFY_THROWS(clip::parseTextEncoderConfig(te.dump(), "te/config.json"),
                      "te/config.json: 'hidden_act' = 5 is not a string");
    te = json::parse(readText(kData + "/sd-tiny-v1/model/text_encoder/config.json"));
    te["architectures"] = {"CLIPTextModelWithProjection"};
    te["projection_dim"] = 8.5;
    SDS_VERIFY_THROWS(clip::parseTextEncoderConfig(te.dump(), "te/config.json"), "'projection_dim' = 8.5 is not an integer");

    const depth::DepthAnythingConfig base;
    const json mlp_ratio = {{"model_type", "depth_anything"}, {"backbone_config", {{"mlp_ratio", "4"}}}};  // was ignored
    SDS_VERIFY_THROWS(depth::applyDepthAnythingConfigJson(base, mlp_ratio, "depth/config.json"),
                      "depth/config.json (backbone_config): 'mlp_ratio' = \"4\" is not a number");
    SDS_VERIFY_THROWS(depth::applyDepthAnythingConfigJson(base, json{{"model_type", 7}}, "depth/config.json"),
                      "depth/config.json: 'model_type' = 7 is not a string");
    const json da3 = {{"model_name", "da3mono-large"}, {"tiny_random_model", {{"head", {{"pos_embed", "no"}}}}}};
    SDS_VERIFY_THROWS(depth::applyDa3ConfigJson(base, da3, "da3/config.json"),
                      "da3/config.json (tiny_random_model) (head): 'pos_embed' = \"no\" is not true or false");

    SDS_VERIFY_THROWS(parseSchedulerConfig(R"({"timestep_spacing": 1})", "s.json"),
                      "s.json: 'timestep_spacing' = 1 is not a string");
  }

  void testRejectsBadSchedulerConfigs() {
    SDS_VERIFY_THROWS(parseSchedulerConfig(R"({"beta_start": -0.1})", "s.json"), "'beta_start'");
    SDS_VERIFY_THROWS(parseSchedulerConfig(R"({"beta_end": 1.5})", "s.json"), "between 0 and 1");
    SDS_VERIFY_THROWS(parseSchedulerConfig(R"({"num_train_timesteps": 1000000000})", "s.json"), "num_train_timesteps");
    SDS_VERIFY_THROWS(parseSchedulerConfig(R"({"num_train_timesteps": 1000.5})", "s.json"), "not an integer");
    QCOMPARE(parseSchedulerConfig(R"({"beta_start": 0.0001, "beta_end": 0.02})", "s.json").num_train_timesteps, 1000);
  }

  void testRefusesConfigsLargerThanTheirWeights() {
    const fs::path model = dir("big_configs") / "model";
    fs::copy(kData + "/sd-tiny-v1/model", model, fs::copy_options::recursive);
    json unet = readJson(model / "unet/config.json");
    const json original_unet = unet;
    unet["block_out_channels"] = {16384, 16384, 16384, 16384};
    unet["layers_per_block"] = 8;
    writeText(model / "unet/config.json", unet.dump());
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(model.string()), "needs at least");
    writeText(model / "unet/config.json", original_unet.dump());

    json te = readJson(model / "text_encoder/config.json");
    te["num_hidden_layers"] = 100000;
    writeText(model / "text_encoder/config.json", te.dump());
    SDS_VERIFY_THROWS(sd::loadStableDiffusion(model.string()), "needs at least");
  }

  void testRefusesDepthModelWhoseEmptyTensorsDeclareAHugeEncoder() {
    const fs::path p = dir("empty_depth") / "model.safetensors";
    std::vector<std::pair<std::string, torch::Tensor>> t = {
        {"backbone.embeddings.patch_embeddings.projection.weight", torch::empty({8192, 3, 14, 0})},
        {"backbone.embeddings.position_embeddings", torch::empty({1, 1370, 0})},
        {"backbone.encoder.layer.0.mlp.fc1.weight", torch::empty({32768, 0})},
        {"neck.convs.0.weight", torch::empty({64, 0, 3, 3})},
        {"head.conv2.weight", torch::empty({32, 0, 3, 3})}};
    for (int i = 0; i < 12; ++i) t.push_back({"backbone.encoder.layer." + std::to_string(i) + ".norm1.weight", torch::empty({0})});
    for (int j = 0; j < 4; ++j)
      t.push_back({"neck.reassemble_stage.layers." + std::to_string(j) + ".projection.weight", torch::empty({64, 0, 1, 1})});
    io::writeSafetensors(p.string(), t);
    SDS_VERIFY_THROWS(depth::loadDepthAnything(p.string()), "needs at least");
  }

  void testAcceptsSafetensorsWhoseHeaderLengthEndsIn0x80() {
    // A valid (empty-index) safetensors file whose header length is 0x180: byte 0 is 0x80,
    // like a pickle's PROTO opcode. It must be read as safetensors, not refused as a pickle.
    const fs::path p = dir("len80") / "weights.safetensors";
    std::string header = R"({"__metadata__":{"format":"pt"}})";
    header.resize(0x180, ' ');
    writeText(p, safetensorsBytes(header));
    QCOMPARE(uint8_t(readText(p)[0]), uint8_t(0x80));
    QVERIFY(io::SafetensorsFile::open(p.string())->tensors().empty());
    std::string what;
    QVERIFY(!test::throwsSdsError([&] { depth::readDepthAnythingConfig(p.string()); }, "pickle", what));
    QVERIFY2(what.find("Depth Anything") != std::string::npos, what.c_str());
  }

  void testTruncatedWhileOpenIsAnErrorNotSigbus() {
    const fs::path p = dir("truncated") / "w.safetensors";
    io::writeSafetensors(p.string(), {{"a", torch::ones({1024})}, {"b", torch::ones({1024})}});
    const auto f = io::SafetensorsFile::open(p.string());
    fs::resize_file(p, fs::file_size(p) - 4096);
    SDS_VERIFY_THROWS(f->tensor("b"), "became shorter");
  }

  void testRefusesHugePrompt() {
    const auto tok = clip::Tokenizer::fromFolder(kData + "/sd-tiny-v1/model/tokenizer");
    SDS_VERIFY_THROWS(tok->encode(std::string(2 * 1024 * 1024, 'a')), "bytes long");
    std::string long_prompt;
    while (long_prompt.size() < 16000) long_prompt += "a photo ";
    QVERIFY(tok->encode(long_prompt).num_content_tokens > 77);  // long but allowed
  }

  void testRefusesHugeGenerationSize() {
    static const sd::StableDiffusion m = sd::loadStableDiffusion(kData + "/sd-tiny-v1/model");
    SDS_VERIFY_THROWS(pipelines::latentSizeFor(m, 65536, 512), "too large");
    QCOMPARE(pipelines::latentSizeFor(m, 64, 64).first, int64_t(64 / 8));
  }

  // Every entry point (CLI, studio, depth, render, inpaint) parses devices
  // with this one function, so these are the messages users see everywhere.
  void testDeviceNamesHaveOneParser() {
    QVERIFY(parseDevice("cpu").is_cpu());
    QVERIFY(parseDevice("").is_cpu());
    SDS_VERIFY_THROWS(parseDevice("gpu0"), "Unknown device 'gpu0'; use cpu, cuda or cuda:N.");
    SDS_VERIFY_THROWS(parseDevice("meta"), "The device 'meta' is not supported");
    if (!torch::cuda::is_available()) SDS_VERIFY_THROWS(parseDevice("cuda:0"), "sees no CUDA device");
    QCOMPARE(resolveDtype(Precision::Float32, parseDevice("cpu")).dtype, torch::kFloat32);
    SDS_VERIFY_THROWS(resolveDtype(Precision::Float16, parseDevice("cpu")), "float16 needs a CUDA device");
    SDS_VERIFY_THROWS(parsePrecision("float8"), "Unknown dtype 'float8'; use auto, float32, bfloat16 or float16.");
  }

  void testNanLatentsNameTheStage() {
    static const sd::StableDiffusion m = sd::loadStableDiffusion(kData + "/sd-tiny-v1/model");
    auto latents = torch::zeros({1, 4, 8, 8});
    latents[0][0][0][0] = NAN;
    SDS_VERIFY_THROWS(pipelines::decodeLatents(m, latents), "denoising produced NaN");
  }

  // ---- fixture sets ----

  void testVerifyFixturesFailsOnUnknownKind() {
    const fs::path set = dir("unknown_kind");
    writeText(set / "cases.json", R"({"cases":[{"name":"x","kind":"no-such-kind"}]})");
    std::ostringstream out;
    QCOMPARE(verify::runFixtureSet(set, out), 1);
    QVERIFY2(out.str().find("FAIL x") != std::string::npos, out.str().c_str());
    const fs::path top = dir("unknown_set_kind");
    writeText(top / "cases.json", R"({"kind":"no-such-set"})");
    std::ostringstream out2;
    QCOMPARE(verify::runFixtureSet(top, out2), 1);
  }

  void testVerifyFixturesRefusesFilesOutsideTheSet() {
    const fs::path set = dir("escaping");
    SDS_VERIFY_THROWS(verify::setFile(set, "/etc/passwd"), "not inside the set folder");
    SDS_VERIFY_THROWS(verify::setFile(set, "../other/x.safetensors"), "not inside the set folder");
    SDS_VERIFY_THROWS(verify::setFile(set, "cases/../../x"), "not inside the set folder");
    QCOMPARE(verify::setFile(set, "cases/a.safetensors"), set / "cases/a.safetensors");
    writeText(set / "cases.json", R"({"cases":[{"name":"abs","kind":"unet","file":"/etc/passwd"}]})");
    std::ostringstream out;
    QCOMPARE(verify::runFixtureSet(set, out), 1);
    QVERIFY2(out.str().find("FAIL abs") != std::string::npos, out.str().c_str());
    QVERIFY2(out.str().find("not inside the set folder") != std::string::npos, out.str().c_str());
  }

  // ---- images ----

  void testParseMpoRejectsTruncatedApp2() {
    const std::string mpo = media::encodeMpo(cv::Mat(16, 16, CV_8UC3, cv::Scalar(1, 2, 3)),
                                             cv::Mat(16, 16, CV_8UC3, cv::Scalar(3, 2, 1)));
    const size_t mpf = mpo.find(std::string("MPF\0", 4));
    QVERIFY(mpf != std::string::npos);
    SDS_VERIFY_THROWS(media::parseMpo(mpo.substr(0, mpf + 12)), "runs past the end of the file");
    QCOMPARE(media::parseMpo(mpo).number_of_images, uint32_t(2));
  }

  void testRefusesPngBombFromItsHeader() {
    // Only signature + IHDR: the size is refused before anything is decoded.
    std::string png("\x89PNG\r\n\x1a\n", 8);
    const std::string ihdr = std::string("\0\0\0\x0dIHDR", 8) + std::string("\0\0\x7f\xff\0\0\x7f\xff\x08\0\0\0\0", 13);
    png += ihdr + std::string(4, '\0');
    const fs::path p = dir("bomb") / "bomb.png";
    writeText(p, png);
    SDS_VERIFY_THROWS(media::loadImage(p.string()), "32767 x 32767 pixels");
    SDS_VERIFY_THROWS(media::loadDepthMap(p.string()), "megapixels");
  }

  // Found by fuzz_image_decoding: two 32-bit sides made the pixel count overflow
  // (undefined; in practice a negative count that passed the limit).
  void testRefusesPngWhoseSidesOverflowAPixelCount() {
    std::string png("\x89PNG\r\n\x1a\n", 8);
    png += std::string("\0\0\0\x0dIHDR", 8) + std::string("\xff\xff\xff\xff\xff\xff\xff\xff\x08\0\0\0\0", 13);
    png += std::string(4, '\0');
    const fs::path p = dir("overflow") / "overflow.png";
    writeText(p, png);
    SDS_VERIFY_THROWS(media::loadImage(p.string()), "4294967295 x 4294967295 pixels");
  }

  // Found by fuzz_image_decoding's long run: 133 bytes named .png with "DICM"
  // at offset 128. OpenCV picks its decoder by the bytes, and its DICOM decoder
  // (GDCM) failed an assertion and aborted the process (`sdstereo compare` died
  // with SIGABRT). Only the formats this program reads reach OpenCV now.
  void testRefusesDicomBehindAnImageName() {
    const std::string dicom = std::string("\x89PN", 3) + std::string(122, '\0') + std::string("\x0dI`DICM\x82", 8);
    for (const char* name : {"scan.png", "scan.jpg", "scan.tif"}) {
      const fs::path p = dir("dicom") / name;
      writeText(p, dicom);
      SDS_VERIFY_THROWS(media::loadImage(p.string()), "not an image format this program reads");
      SDS_VERIFY_THROWS(media::loadDepthMap(p.string()), "not an image format this program reads");
      SDS_VERIFY_THROWS(media::readImageFile(p.string(), cv::IMREAD_COLOR), "not an image format this program reads");
    }
    // The formats it reads still open, whatever their names say.
    cv::Mat grey(4, 6, CV_8UC1, cv::Scalar(9));
    std::vector<uchar> pgm;
    QVERIFY(cv::imencode(".pgm", grey, pgm));
    const fs::path named_png = dir("dicom") / "actually_pgm.png";
    writeText(named_png, std::string(pgm.begin(), pgm.end()));
    QCOMPARE(media::loadDepthMap(named_png.string()).cols, 6);
  }

  void testRejectsTruncatedJpeg() {
    std::vector<uchar> jpeg;
    cv::Mat noise(64, 64, CV_8UC3);
    cv::randu(noise, 0, 255);
    QVERIFY(cv::imencode(".jpg", noise, jpeg));
    const fs::path whole = dir("jpeg") / "whole.jpg", cut = dir("jpeg") / "cut.jpg";
    writeText(whole, std::string(jpeg.begin(), jpeg.end()));
    writeText(cut, std::string(jpeg.begin(), jpeg.begin() + long(jpeg.size() / 2)));
    QCOMPARE(media::loadImage(whole.string()).cols, 64);
    SDS_VERIFY_THROWS(media::loadImage(cut.string()), "truncated");
  }

  void testRejectsNanAndInfInFloatTiff() {
    for (const float bad : {NAN, INFINITY}) {
      cv::Mat map(8, 8, CV_32F, cv::Scalar(0.5));
      map.at<float>(3, 3) = bad;
      const fs::path p = dir("tiff") / (std::isnan(bad) ? "nan.tiff" : "inf.tiff");
      QVERIFY(cv::imwrite(p.string(), map));
      SDS_VERIFY_THROWS(media::loadDepthMap(p.string()), "NaN or infinite");
    }
  }

  void testFlatDepthMapsMeanZeroDisparity() {
    render::DisparityParams p;
    p.scale_percent = 5;
    // The far plane on the screen, so the nearest pixel's disparity is the scale itself.
    p.convergence_mode = render::ConvergenceMode::Fixed;
    for (const float level : {0.0f, 0.25f, 0.7f, 1.0f, 123.456f, 0.3333333f}) {
      const auto d = render::disparityFromMap(torch::full({32, 48}, level), p);
      QVERIFY2(d.abs().max().item<float>() == 0, std::to_string(level).c_str());
    }
    p.kind = render::MapKind::Depth;
    QVERIFY(render::disparityFromMap(torch::full({8, 8}, 3.0f), p).abs().max().item<float>() == 0);
    // A tiny range far from zero keeps its precision (two-pass path): nearest = 5 % of 40 px
    // (no convergence shift: the default one puts the 99th percentile on the screen).
    p.kind = render::MapKind::InverseDepth;
    p.convergence_mode = render::ConvergenceMode::Fixed;
    auto map = torch::full({4, 40}, 1000.0f);
    map[0][0] = 1000.5f;
    const auto d = render::disparityFromMap(map, p);
    QVERIFY(std::abs(d[0][0].item<float>() - 2.0f) < 1e-4);
    QVERIFY(d[1].abs().max().item<float>() < 1e-4);
  }

  void testAbsurdDepthValuesAreHandled() {
    render::DisparityParams p;
    p.kind = render::MapKind::Depth;
    p.scale_percent = 50;  // 2 px for the nearest in a 4-pixel row
    p.convergence_mode = render::ConvergenceMode::Fixed;  // the far plane on the screen
    const auto d = render::disparityFromMap(torch::tensor({{1e-40f, 1.0f, 2.0f, 4.0f}}), p);
    QVERIFY(torch::isfinite(d).all().item<bool>());
    QVERIFY(std::abs(d[0][0].item<float>() - 2.0f) < 1e-5);  // the nearest
    QVERIFY(d.slice(1, 1).abs().max().item<float>() < 1e-5);  // the rest is far next to it
    render::DisparityParams px;
    px.kind = render::MapKind::DisparityPx;
    SDS_VERIFY_THROWS(render::disparityFromMap(torch::tensor({{0.0f, 1e30f, 3.0f}}), px), "more than the image width");
  }

  // ---- files ----

  void testPartFilesRemovedOnSigterm() {
    const fs::path out = dir("sigterm");
    const pid_t child = ::fork();
    if (child == 0) {
      AtomicFolder folder((out / "result").string(), {});
      std::ofstream((fs::path(folder.staging()) / "left.png").string()) << "half written";
      ::raise(SIGTERM);
      ::_exit(3);  // not reached
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFSIGNALED(status));  // killed by the signal (after the cleanup), not exited
    QVERIFY(partEntries(out).empty());
    QVERIFY(!fs::exists(out / "result"));
  }

  void testStalePartFilesRemovedOnStart() {
    const fs::path out = dir("stale");
    const std::string dead = "left.png.part-" + std::to_string(deadPid()) + "-1234abcd";
    const std::string mine = "right.png.part-" + std::to_string(::getpid()) + "-1234abcd";
    writeText(out / dead, "left over by a killed run");
    writeText(out / mine, "being written by this process");
    fs::create_directories(out / ("folder.part-" + std::to_string(deadPid()) + "-77"));
    writeFileAtomic((out / "new.txt").string(), std::string("x"));
    QVERIFY(!fs::exists(out / dead));
    QVERIFY(fs::exists(out / mine));
    QCOMPARE(partEntries(out).size(), size_t(1));
  }

  void testMultiFileOutputsReplaceAsAWhole() {
    const fs::path out = dir("whole") / "pair";
    fs::create_directories(out);
    writeText(out / "left.png", "old left");
    writeText(out / "right.png", "old right");
    {
      AtomicFolder folder(out.string(), {"left.png", "right.png"});
      writeFileAtomic((fs::path(folder.staging()) / "left.png").string(), std::string("new left"));
      // Not committed (a failure mid-way): the old set stays as it was.
    }
    QCOMPARE(readText(out / "left.png"), std::string("old left"));
    QCOMPARE(readText(out / "right.png"), std::string("old right"));
    {
      AtomicFolder folder(out.string(), {"left.png", "right.png"});
      writeFileAtomic((fs::path(folder.staging()) / "left.png").string(), std::string("new left"));
      folder.commit();
    }
    QCOMPARE(readText(out / "left.png"), std::string("new left"));
    QVERIFY(!fs::exists(out / "right.png"));  // no old file beside the new set
    QVERIFY(partEntries(out.parent_path()).empty());
    writeText(out / "notes.txt", "the user's own file");
    SDS_VERIFY_THROWS(AtomicFolder(out.string(), {"left.png"}), "notes.txt");
  }
};

QTEST_GUILESS_MAIN(TestHostileInputs)
#include "test_hostile_inputs.moc"
