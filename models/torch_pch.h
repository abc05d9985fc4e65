// Precompiled header for every translation unit that uses LibTorch.
// Kept to the stable, heavy headers; project headers never go here.
#pragma once
#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>
