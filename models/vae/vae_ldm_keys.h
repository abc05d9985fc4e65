// The original LDM single-file autoencoder layout (`first_stage_model.*`,
// ldm/modules/diffusionmodules/model.py Encoder/Decoder) mapped to diffusers
// names, and the renaming of old diffusers VAE files.
#pragma once
#include "models/io/weights.h"
#include "models/vae/vae_config.h"

namespace sds::vae {

// `ldm` holds the tensors of `first_stage_model.` with that prefix removed.
// Returns them under diffusers names (lazy): `encoder.down.i.block.j` ->
// `encoder.down_blocks.i.resnets.j`, `nin_shortcut` -> `conv_shortcut`, decoder
// `up.{n-1-k}` -> `up_blocks.k`, mid `attn_1.{norm,q,k,v,proj_out}` ->
// `attentions.0.{group_norm,to_q,to_k,to_v,to_out.0}` with the [C,C,1,1] weights
// reshaped to [C,C], ... Unknown keys keep their names so io::loadModule()
// reports them.
io::WeightSource vaeWeightsFromLdm(const io::WeightSource& ldm, const VaeConfig& config);

// A diffusers-layout source with old mid-block attention names
// (`query`, `key`, `value`, `proj_attn`) or 1x1-conv shaped attention weights
// brought to the current names and [C,C] shapes. Current files pass unchanged.
io::WeightSource vaeWeightsWithCurrentNames(const io::WeightSource& diffusers);

// Reads in/out/latent channels, block_out_channels and layers_per_block from
// the shapes; norm groups (not stored) and scaling factor come from the
// arguments. Throws sds::Error when the keys are not an LDM autoencoder.
VaeConfig detectVaeConfigFromLdm(const io::WeightSource& ldm, int norm_num_groups = 32,
                                 double scaling_factor = 0.18215);

}  // namespace sds::vae
