#pragma once
// WDPruning's depth pruning (Yu et al., AAAI 2022): a linear classifier after every block, and the
// model cut at the shallowest block whose classifier is good enough. Training-free here: each
// probe is the ridge regression of the unpruned model's logits from the features the model's own
// head reads after that block (final norm of the CLS token, or of the pooled patches), fitted on
// calibration images in closed form. Its "good enough" is how often its top-1 agrees with the
// unpruned model's on those images.
#include <ATen/ATen.h>

#include <vector>

#include "model/vit_model.h"

namespace vp {

struct ExitProbe {
    at::Tensor weight, bias;  // [classes, C], [classes] (the model's dtype and device)
    double agreement = 0;     // top-1 agreement with the unpruned model on the calibration images
};

// One probe per block (index l: after block l). Throws vp::Error on zero calibration images.
std::vector<ExitProbe> fitExitProbes(const ViTModel& model, const std::vector<at::Tensor>& batches);

// fitExitProbes remembered for the last two (model, images): a budget slider or solver that
// re-creates the method does not fit again.
std::vector<ExitProbe> cachedExitProbes(const ViTModel& model, const std::vector<at::Tensor>& batches);

// The model's first `blocks` blocks with the probe as its head (every width unchanged). `blocks`
// equal to the depth returns the model itself, whose own head beats any probe.
ViTModel cutAtExit(const ViTModel& model, int blocks, const ExitProbe& probe, const std::string& prunedBy);

}  // namespace vp
