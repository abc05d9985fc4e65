// Text encoder weights of single-file (original LDM/CompVis) Stable Diffusion
// checkpoints brought to transformers' CLIPTextModel names:
//   SD 1.x: `cond_stage_model.transformer.` + the transformers key (older files
//           lack the `text_model.` level; it is added).
//   SD 2.x: OpenCLIP `cond_stage_model.model.`: token_embedding, bare
//           positional_embedding, transformer.resblocks.i.{ln_1, attn.in_proj_*
//           (q, k, v stacked on dim 0), attn.out_proj, ln_2, mlp.c_fc, mlp.c_proj},
//           ln_final. SD 2.x conditions on the penultimate block, so the last
//           resblock is not used; text_projection and logit_scale neither.
#pragma once
#include <optional>
#include <string>

#include "models/clip/text_encoder_config.h"
#include "models/io/weights.h"

namespace sds::clip {

enum class TextLayout { HuggingFace, OpenClip };

constexpr const char* kLdmHfTextPrefix = "cond_stage_model.transformer.";
constexpr const char* kLdmOpenClipTextPrefix = "cond_stage_model.model.";

// Which text encoder a single-file checkpoint holds (keys with full prefixes);
// nullopt when it holds none of the two.
std::optional<TextLayout> detectTextLayout(const io::WeightSource& checkpoint);

// The tensors of the layout's prefix under transformers names (lazy). OpenCLIP
// blocks >= `layers_used` are dropped (-1: drop only the last one, as SD 2.x);
// text_projection and logit_scale are dropped. Keys the mapping does not know
// keep their full checkpoint name so io::loadModule() reports them.
io::WeightSource textEncoderWeightsFromLdm(const io::WeightSource& checkpoint, TextLayout layout,
                                           int layers_used = -1);

// Reads the architecture from transformers-named weights: vocabulary, width,
// depth, MLP size, positions. Heads are not stored: heads = hidden / 64 as in
// every real SD text encoder; a width that is not a multiple of 64 throws
// sds::Error asking for a config. Activation: quick_gelu for the OpenAI CLIP
// layout (SD 1.x), gelu for OpenCLIP (SD 2.x). A text_projection.weight sets
// projection_dim.
TextEncoderConfig detectTextEncoderConfig(const io::WeightSource& weights, TextLayout layout,
                                          const std::string& origin);

// SDXL single files (sgm GeneralConditioner): embedders.0 = CLIP ViT-L as
// `conditioner.embedders.0.transformer.` + the transformers key; embedders.1 =
// OpenCLIP bigG as `conditioner.embedders.1.model.` (the layout above, every
// block kept, `text_projection` [D, P] transposed to text_projection.weight).
constexpr const char* kSdxlHfTextPrefix = "conditioner.embedders.0.transformer.";
constexpr const char* kSdxlOpenClipTextPrefix = "conditioner.embedders.1.model.";

// True when the checkpoint holds both SDXL text encoders.
bool hasSdxlTextEncoders(const io::WeightSource& checkpoint);

// Encoder 0 or 1 of an SDXL single file under transformers names (lazy).
io::WeightSource sdxlTextEncoderWeights(const io::WeightSource& checkpoint, int encoder);

// Loader options for a text encoder: the position_ids buffer of SD 1.x files is
// ignored (positions are always 0..T-1).
bool isIgnoredTextKey(const std::string& key);

}  // namespace sds::clip
