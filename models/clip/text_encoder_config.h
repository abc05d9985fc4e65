// Configuration of the CLIP text encoder, mirroring transformers'
// CLIPTextConfig (transformers/models/clip/configuration_clip.py) as stored in
// a diffusers `text_encoder/config.json`. The token ids in that file
// (bos/eos/pad_token_id) are legacy values and deliberately not read: the
// tokenizer owns them.
#pragma once
#include <string>

namespace sds::clip {

enum class Activation { QuickGelu, Gelu, GeluTanh };

struct TextEncoderConfig {
  int vocab_size = 49408;
  int hidden_size = 768;
  int intermediate_size = 3072;
  int num_hidden_layers = 12;
  int num_attention_heads = 12;
  int max_position_embeddings = 77;
  Activation hidden_act = Activation::QuickGelu;
  double layer_norm_eps = 1e-5;
  // > 0: CLIPTextModelWithProjection, a bias-free `text_projection` [P, D] for
  // the pooled output (SDXL's text_encoder_2); 0: CLIPTextModel.
  int projection_dim = 0;
  std::string origin;  // the file it came from, for messages

  int headDim() const { return hidden_size / num_attention_heads; }
  // Throws sds::Error naming `origin` when a size is not positive or the
  // hidden size is not divisible by the number of heads.
  void validate() const;
};

// "quick_gelu" | "gelu" | "gelu_new" / "gelu_pytorch_tanh"; others throw.
Activation parseActivation(const std::string& name, const std::string& origin);
const char* activationName(Activation a);

// Parses config.json text. Missing architecture fields raise sds::Error
// naming the field and `origin`.
TextEncoderConfig parseTextEncoderConfig(const std::string& json_text, const std::string& origin);

}  // namespace sds::clip
