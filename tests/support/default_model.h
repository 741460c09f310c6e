// The shipped default model (fashion-vit-tiny), loaded once per test binary.
#pragma once

#include "model/model_loader.h"

namespace vp::test {

inline const ViTModel& defaultModel() {
    static const ViTModel m = loadModel("fashion-vit-tiny");
    return m;
}

}  // namespace vp::test
