// The files every generating command writes into its output folder: left and
// right views, side-by-side, anaglyph, the disparity map (16-bit PNG preview
// and exact float TIFF) and params.json; every image carries the parameters in
// its PNG text chunk "parameters". All writes are atomic.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "app/cli/args.h"
#include "app/cli/options.h"
#include "core/media/generation.h"

namespace sds::cli {

// Writes a generation's files into `dir` as a whole (AtomicFolder: an
// interrupted run leaves the old set or nothing, never a mix) and prints each
// file written: the pair, and for a composed result (r.right_filled given) the
// plain diffusion pair in dir/diffusion/ and right_filled_mask.png. The
// anaglyph is `anaglyph`, one of the anaglyph formats of
// media::parseStereoFormat. An existing `dir` may hold only an earlier run's
// outputs (see stereoOutputNames()).
void writeGenerationOutputs(const std::filesystem::path& dir, const media::GenerationResult& r,
                            const std::string& anaglyph);

// Every name a generating command writes into its output folder (an earlier
// run's outputs, which a new run may replace).
const std::vector<std::string>& stereoOutputNames();

// The declaration of --anaglyph FMT (the format of the set's anaglyph.png).
Option anaglyphOption();

// --anaglyph (default anaglyph-dubois). Throws sds::Error unless it names an anaglyph format.
std::string anaglyphChoice(const Args& a);

}  // namespace sds::cli
