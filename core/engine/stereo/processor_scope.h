// Installs an attention processor on a UNet for one scope and restores the
// previous one afterwards (also when a step throws or is cancelled).
#pragma once
#include <memory>

#include "models/unet/unet.h"

namespace sds::stereo {

class ProcessorScope {
 public:
  ProcessorScope(unet::UNet2DConditionModel& unet, std::shared_ptr<attn::AttentionProcessor> processor)
      : unet_(unet), previous_(unet.attentionProcessor()) {
    unet_.setAttentionProcessor(std::move(processor));
  }
  ~ProcessorScope() { unet_.setAttentionProcessor(previous_); }
  ProcessorScope(const ProcessorScope&) = delete;
  ProcessorScope& operator=(const ProcessorScope&) = delete;

 private:
  unet::UNet2DConditionModel& unet_;
  std::shared_ptr<attn::AttentionProcessor> previous_;
};

}  // namespace sds::stereo
