// Declarations of every fixture-kind handler (see runner.h for the contract).
#pragma once
#include "core/verify/runner.h"

namespace sds::verify {

// Stable Diffusion case kinds (kind_*.cpp).
void runTokenizeCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);  // tokenize, tokenize_ftfy
void runTextEncoderCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);
void runUNetCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);
void runVaeDecodeCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);  // kind_vae.cpp
void runVaeEncodeCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);  // kind_vae.cpp
void runStereoShiftCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);
void runTxt2StereoCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);
void runDdimCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);
void runTxt2ImgCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);
void runDdimInversionCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);
void runInpaintPrepareCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);  // kind_inpaint.cpp
void runInpaintCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);         // kind_inpaint.cpp
void runInpaintStereoCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);   // kind_inpaint.cpp

// Whole-set kinds (top-level "kind").
void runStereoOpsSet(const std::filesystem::path& dir, const nlohmann::json& root, Reporter& report);
void runImageMetricsSet(const std::filesystem::path& dir, const nlohmann::json& root, Reporter& report);  // media/
void runDepthAnythingSet(const std::filesystem::path& dir, const nlohmann::json& root, Reporter& report);
void runDepthAnything3Set(const std::filesystem::path& dir, const nlohmann::json& root, Reporter& report);

}  // namespace sds::verify
