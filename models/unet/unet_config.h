// Configuration of the denoising UNet, mirroring diffusers' UNet2DConditionModel
// config.json (diffusers/models/unets/unet_2d_condition.py, v0.25.1).
//
// Per-block settings are expanded to one value per DOWN block (index i); the up
// blocks use them reversed and the mid block uses the last one, as diffusers does.
// Note the historic misnomer: diffusers' `attention_head_dim` is the NUMBER OF
// HEADS (int or list); `num_attention_heads`, when present and not null, wins.
#pragma once
#include <string>
#include <vector>

namespace sds::unet {

// SDXL's micro-conditioning numbers per row: original (h, w), crop (top, left),
// target (h, w). (The refiner's 5, with an aesthetic score, is not supported.)
constexpr int kSdxlTimeIds = 6;

struct UNetConfig {
  int in_channels = 4;
  int out_channels = 4;
  std::vector<std::string> down_block_types;  // CrossAttnDownBlock2D | DownBlock2D
  std::string mid_block_type = "UNetMidBlock2DCrossAttn";
  std::vector<std::string> up_block_types;    // CrossAttnUpBlock2D | UpBlock2D
  std::vector<int> block_out_channels;
  std::vector<int> layers_per_block;              // per down block; up block i has reversed[i] + 1 resnets
  std::vector<int> num_attention_heads;           // per down block (heads, not head size)
  std::vector<int> transformer_layers_per_block;  // per down block
  std::vector<int> reverse_transformer_layers_per_block;  // per up block; empty = reversed(transformer_layers...)
  int cross_attention_dim = 768;
  int norm_num_groups = 32;
  double norm_eps = 1e-5;          // resnets and conv_norm_out (transformer GroupNorm is fixed at 1e-6)
  bool use_linear_projection = false;
  bool upcast_attention = false;
  bool flip_sin_to_cos = true;
  double freq_shift = 0;
  int downsample_padding = 1;
  double mid_block_scale_factor = 1;
  int time_embedding_dim = 0;      // 0 = 4 * block_out_channels[0]
  int conv_in_kernel = 3;
  int conv_out_kernel = 3;
  // SDXL's added conditioning (diffusers addition_embed_type "text_time"): ""
  // = none. text_time adds add_embedding(cat(text_embeds, sinusoid_A(time_ids)))
  // to the time embedding (added_embedding.h).
  std::string addition_embed_type;
  int addition_time_embed_dim = 0;                 // A: sinusoid width per time id
  int projection_class_embeddings_input_dim = 0;   // P + kSdxlTimeIds * A
  std::string origin;              // file the config came from, for messages

  int numBlocks() const { return int(block_out_channels.size()); }
  bool downHasAttention(int i) const;
  bool upHasAttention(int i) const;
  bool hasMidBlock() const { return !mid_block_type.empty(); }
  int timeEmbeddingDim() const;
  bool hasTextTime() const { return addition_embed_type == "text_time"; }
  // Width P of the pooled text embedding a text_time UNet takes (0 without).
  int addedTextEmbedsDim() const;
  // Heads and transformer depth of down block i, up block i, and the mid block.
  int downHeads(int i) const { return num_attention_heads.at(size_t(i)); }
  int upHeads(int i) const;
  int midHeads() const { return num_attention_heads.back(); }
  int downTransformerLayers(int i) const { return transformer_layers_per_block.at(size_t(i)); }
  int upTransformerLayers(int i) const;
  int midTransformerLayers() const { return transformer_layers_per_block.back(); }
  int upLayers(int i) const;  // resnets in up block i = reversed(layers_per_block)[i] + 1
  // Attention modules (self + cross) run by one forward pass.
  int attentionLayersPerForward() const;

  // Throws sds::Error naming `origin` when the lists disagree in length, a
  // block type is unsupported or a channel count is not divisible.
  void validate() const;
};

// Parses a diffusers UNet config.json text. Unsupported features (class
// embeddings, additional embeddings, time-conditioning projections, other
// attention types) raise sds::Error naming `origin` and the field.
UNetConfig parseUNetConfig(const std::string& json_text, const std::string& origin);

}  // namespace sds::unet
