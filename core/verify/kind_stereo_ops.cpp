// Set kind "stereo-ops" (shared/fixtures/stereo-ops/README.md): the latent
// stereo pixel shift for every tag `sf<scale>.both<0|1>.exp<exponent>` of each
// shift case, the bicubic resize where the case stores its source, and the
// self-attention modification (one-way, two-way, plain, cross, one half).
// One line per run: `<case>@<tag>`, `<case>@resize`, `<attn case>@<output>`.
#include <cmath>
#include <functional>
#include <regex>

#include "core/engine/stereo/stereo_attention.h"
#include "core/engine/stereo/stereo_shift.h"
#include "core/verify/kinds.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"

namespace sds::verify {
namespace {

struct ShiftTag {
  std::string tag;
  stereo::ShiftParams params;
};

std::vector<ShiftTag> shiftTags(const nlohmann::json& kase, const io::SafetensorsFile& file) {
  std::vector<std::string> outputs;
  if (kase.contains("outputs"))
    for (const auto& o : kase["outputs"]) outputs.push_back(o.get<std::string>());
  else
    for (const auto& info : file.tensors()) outputs.push_back(info.name);
  static const std::regex pattern(R"(^(out|out_intended)\.(sf(-?[0-9.]+)\.both([01])\.exp(-?[0-9.eE+-]+))$)");
  std::vector<ShiftTag> tags;
  for (const auto& name : outputs) {
    std::smatch m;
    if (!std::regex_match(name, m, pattern)) continue;
    ShiftTag t;
    t.tag = m[2];
    t.params.scale_factor = std::stod(m[3]);
    t.params.shift_both = m[4] == "1";
    t.params.exponent = std::stod(m[5]);
    tags.push_back(t);
  }
  return tags;
}

void addIfPresent(std::map<std::string, torch::Tensor>& actual, const io::SafetensorsFile& file,
                  const std::string& name, const torch::Tensor& value) {
  if (file.contains(name)) actual[name] = value;
}

void runShiftCase(const std::filesystem::path& dir, const nlohmann::json& kase, Reporter& report) {
  const std::string name = kase.value("name", std::string("?"));
  const auto file = openCaseFile(dir, kase);
  const auto latents = file->tensor("latents");
  const auto disparity = file->tensor("disparity");
  const auto norm = stereo::normalizeDisparity(disparity);

  if (file->contains("disparity_src")) {
    const auto resized = stereo::resizeDisparity(file->tensor("disparity_src"), disparity.size(1), disparity.size(2));
    Tolerance tol{1e-4, 1e-6, 0};
    const auto c = compareTensors(resized, disparity, tol);
    if (c.ok)
      report.pass(name + "@resize", c.max_abs_err);
    else
      report.fail(name + "@resize", "disparity: " + c.detail);
  }

  for (const auto& t : shiftTags(kase, *file)) {
    const std::string run = name + "@" + t.tag;
    try {
      const auto pair = stereo::shiftNormalized(latents, norm, t.params);
      const auto out = torch::cat({pair.left, pair.right}, 0);
      std::map<std::string, torch::Tensor> actual;
      addIfPresent(actual, *file, "out." + t.tag, out);
      addIfPresent(actual, *file, "out_intended." + t.tag, out);
      addIfPresent(actual, *file, "shift_right." + t.tag, pair.offsets_right);
      if (pair.offsets_left.defined()) addIfPresent(actual, *file, "shift_left." + t.tag, pair.offsets_left);
      addIfPresent(actual, *file, "mask_sampler." + t.tag, pair.mask);
      addIfPresent(actual, *file, "mask_img2stereo." + t.tag, pair.right.select(1, 0) != 0);
      addIfPresent(actual, *file, "norm_disparity", norm);
      // Every tensor here is exact (copies, integers, masks, float32 normalisation).
      nlohmann::json exact = {{"atol", 0.0}, {"rtol", 0.0}};
      checkSdOutputs(report, run, exact, *file, actual);
    } catch (const std::exception& e) {
      report.fail(run, std::string("error: ") + e.what());
    }
  }
}

// [rows = B*heads, N, d] with the head index fastest -> [B, heads, N, d].
torch::Tensor splitHeads(const torch::Tensor& t, int64_t heads) {
  return t.view({t.size(0) / heads, heads, t.size(1), t.size(2)});
}

// [B, heads, N, d] -> [B, N, heads*d], the reference's '(b h) n d -> b n (h d)'.
torch::Tensor mergeHeads(const torch::Tensor& t) {
  return t.permute({0, 2, 1, 3}).reshape({t.size(0), t.size(2), t.size(1) * t.size(3)});
}

void runAttnCase(const std::filesystem::path& dir, const nlohmann::json& kase, Reporter& report) {
  const std::string name = kase.value("name", std::string("?"));
  const auto file = openCaseFile(dir, kase);
  const int64_t heads = kase.at("num_heads").get<int64_t>();
  const int start = kase.value("start_step", 10);
  const int64_t n = kase.at("n_samples").get<int64_t>();
  const double scale =
      kase.contains("scale") ? kase["scale"].get<double>() : 1.0 / std::sqrt(double(kase.at("head_dim").get<int64_t>()));
  const auto q = splitHeads(file->tensor("q"), heads), k = splitHeads(file->tensor("k"), heads),
             v = splitHeads(file->tensor("v"), heads);
  const auto k_ctx = splitHeads(file->tensor("k_ctx"), heads), v_ctx = splitHeads(file->tensor("v_ctx"), heads);
  const Tolerance tol{1e-5, 1e-5, 0};

  const auto check = [&](const std::string& output, const std::function<torch::Tensor()>& compute) {
    if (!file->contains(output)) return;
    const std::string run = name + "@" + output;
    try {
      const auto c = compareTensors(mergeHeads(compute()), file->tensor(output), tol);
      if (c.ok)
        report.pass(run, c.max_abs_err);
      else
        report.fail(run, c.detail);
    } catch (const std::exception& e) {
      report.fail(run, std::string("error: ") + e.what());
    }
  };
  const auto call = [&](stereo::StereoAttentionProcessor& p, bool cross) {
    attn::AttentionCall c;
    c.q = q;
    c.k = cross ? k_ctx : k;
    c.v = cross ? v_ctx : v;
    c.scale = scale;
    c.is_cross = cross;
    return p.attend(c);
  };
  for (const auto dir_name : {"uni", "bi"}) {
    const auto direction = stereo::parseAttentionDirection(dir_name);
    const std::string suffix = std::string("_") + dir_name;
    check("out_self" + suffix, [&] {
      stereo::StereoAttentionProcessor p(direction, start);
      p.setStep(start);
      return call(p, false);
    });
    check("out_self_plain" + suffix, [&] {
      stereo::StereoAttentionProcessor p(direction, start);  // fresh editor: step 0
      return call(p, false);
    });
    check("out_cross" + suffix, [&] {
      stereo::StereoAttentionProcessor p(direction, start);
      p.setStep(start);
      return call(p, true);
    });
  }
  check("out_attn_batch_cond_bi", [&] {
    const int64_t half = 2 * n;
    return stereo::stereoSelfAttention(q.narrow(0, half, half), k.narrow(0, half, half), v.narrow(0, half, half),
                                       scale, false, stereo::AttentionDirection::Bi, 1);
  });
}

}  // namespace

void runStereoOpsSet(const std::filesystem::path& dir, const nlohmann::json& root, Reporter& report) {
  for (const auto& kase : root.value("shift_cases", nlohmann::json::array())) {
    try {
      runShiftCase(dir, kase, report);
    } catch (const std::exception& e) {
      report.fail(kase.value("name", std::string("shift case")), std::string("error: ") + e.what());
    }
  }
  for (const auto& kase : root.value("attn_cases", nlohmann::json::array())) {
    try {
      runAttnCase(dir, kase, report);
    } catch (const std::exception& e) {
      report.fail(kase.value("name", std::string("attention case")), std::string("error: ") + e.what());
    }
  }
}

}  // namespace sds::verify
