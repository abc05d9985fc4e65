// The --fill inpaint options, declared once for every command that makes a
// right view (depth2stereo, img2stereo, txt2stereo): the inpainting model,
// what the holes show, steps, guidance, seed, dilation and crop size. The
// generating commands have their own --prompt / --guidance / --seed, so these
// are spelled --inpaint-prompt, --inpaint-guidance, ...; depth2stereo, which
// has no other prompt, also takes the short spellings it always took.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/cli/args.h"
#include "app/cli/options.h"
#include "core/media/inpaint_fill.h"

namespace sds::cli {

enum class InpaintSpelling { Prefixed, AlsoShort };

// The declarations (--inpaint-model, --inpaint-prompt, ...; with AlsoShort
// also --prompt, --negative, --guidance, --seed). --no-colour-match is
// declared by each command: img2stereo's also covers its diffusion fill.
OptionList inpaintOptions(InpaintSpelling spelling);

// --no-colour-match of the commands whose only colour match is the inpainting fill's.
Option colourMatchOption();

// A generating command's --fill: `model_fill` (its own, e.g. "diffusion", the
// default) or "inpaint"; true for inpaint. --no-colour-match needs inpaint
// unless `colour_match_also_own` (a command whose own fill matches colours
// too). Throws sds::Error naming both words.
bool readFillIsInpaint(const Args& a, const std::string& model_fill, bool colour_match_also_own);

// The settings when `inpainting` (--inpaint-model required, the model runs on
// `device`); otherwise any of the options given is an error. Throws sds::Error.
media::InpaintSettings readInpaintOptions(const Args& a, bool inpainting, InpaintSpelling spelling,
                                          const std::string& device);

// txt2stereo's and img2stereo's fill: the settings (--inpaint-*, the model on
// --device) when `inpainting`, else nullopt (and any --inpaint-* given is an
// error). Throws sds::Error.
std::optional<media::InpaintSettings> readGeneratedInpaintFill(const Args& a, bool inpainting);

// Prints "inpainting k/n" on stderr while the model runs.
ProgressFn inpaintProgressPrinter();

// "inpainted in N crop(s) of at most S px (M planned)".
void printInpaintReport(const media::InpaintReport& report, const media::InpaintSettings& s);

}  // namespace sds::cli
