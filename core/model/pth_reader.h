#pragma once
// Reads PyTorch torch.save() checkpoints (the zip format of torch >= 1.6) WITHOUT executing
// anything: a restricted pickle VM rebuilds only dicts, tensors and storages (see pickle_reader.h).
// Errors throw vp::Error ("FILE: problem"); hostile input never reads out of bounds.
#include "model/tensor_map.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace vp {

// Returns the flat state dict: the top-level dict if its values are tensors, else the dict under
// "model", "state_dict", "module" or "model_ema" (the first that holds tensors). A leading
// "module." on every key is stripped. Tensors are CPU, contiguous, own their memory and keep the
// file's dtype. Pre-1.6 (non-zip) files are rejected with a message asking to re-save them.
TensorMap readPth(const std::string& path);
// `origin` names the data in error messages (the fuzzer passes a fixed name).
TensorMap parsePth(const uint8_t* data, size_t size, const std::string& origin);

}  // namespace vp
