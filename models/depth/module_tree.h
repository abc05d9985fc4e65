// Empty modules that only group children, so that parameter names can mirror a
// checkpoint's dotted key layout (LibTorch forbids dots in a child's name).
#pragma once
#include <memory>
#include <string>

#include <torch/nn/module.h>

namespace sds::depth {

inline std::shared_ptr<torch::nn::Module> groupModule(torch::nn::Module& parent, const std::string& name) {
  return parent.register_module(name, std::make_shared<torch::nn::Module>());
}

}  // namespace sds::depth
