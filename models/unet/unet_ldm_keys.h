// The original LDM/CompVis single-file UNet layout (`model.diffusion_model.*`,
// ldm/modules/diffusionmodules/openaimodel.py) mapped to diffusers names, the
// way diffusers' convert_from_ckpt.py does, but for any layers_per_block.
#pragma once
#include "models/io/weights.h"
#include "models/unet/unet_config.h"

namespace sds::unet {

// `ldm` holds the tensors of `model.diffusion_model.` with that prefix removed.
// Returns the same tensors under diffusers names (lazy; nothing is loaded).
// Keys the table does not know keep their LDM names, so io::loadModule()
// reports them as unexpected instead of dropping them silently. proj_in /
// proj_out weights are reshaped between [C,C] and [C,C,1,1] when the file and
// config.use_linear_projection disagree.
io::WeightSource unetWeightsFromLdm(const io::WeightSource& ldm, const UNetConfig& config);

struct LdmUNetDefaults {
  int norm_num_groups = 32;  // not stored in the weights; 32 in every real SD model
  bool upcast_attention = false;
  int addition_time_embed_dim = 256;  // SDXL's A (label_emb only stores P + 6A)
};

// Reads what the tensor shapes reveal: in/out channels, block_out_channels,
// layers_per_block, which blocks have attention, transformer depth per block,
// cross_attention_dim, use_linear_projection (proj_in rank), time embedding
// size, SDXL's text_time conditioning (label_emb; A from the defaults). Heads cannot be read from shapes: SD 1.x style files (conv projection,
// cross dim != 1024) get 8 heads in every block, SD 2.x style files (linear
// projection or cross dim 1024) get head size 64 (heads = channels / 64).
// When a diffusers config.json is available, use parseUNetConfig() on it
// instead. Throws sds::Error when the keys are not an LDM UNet.
UNetConfig detectUNetConfigFromLdm(const io::WeightSource& ldm, const LdmUNetDefaults& defaults = {});

}  // namespace sds::unet
