#include "models/clip/token_batch.h"

namespace sds::clip {

torch::Tensor encodeBatch(const Tokenizer& tokenizer, const std::vector<std::string>& prompts) {
  const int length = tokenizer.maxLength();
  auto out = torch::empty({int64_t(prompts.size()), length}, torch::kInt64);
  auto acc = out.accessor<int64_t, 2>();
  for (size_t b = 0; b < prompts.size(); ++b) {
    const Encoding e = tokenizer.encode(prompts[b]);
    for (int k = 0; k < length; ++k) acc[long(b)][k] = e.ids[size_t(k)];
  }
  return out;
}

}  // namespace sds::clip
