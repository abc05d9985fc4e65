// Prompts to the id tensor the text encoders take.
#pragma once
#include <string>
#include <vector>

#include <torch/types.h>

#include "models/clip/tokenizer.h"

namespace sds::clip {

// [B, max_length] int64 on the CPU: Tokenizer::encode of each prompt.
torch::Tensor encodeBatch(const Tokenizer& tokenizer, const std::vector<std::string>& prompts);

}  // namespace sds::clip
