#pragma once
// Parts files: one method's trained parts (DynamicViT's score predictors, LTP's thresholds, ...)
// as a small safetensors file with the method's checkpoint keys, written by `vitprune
// train-method`. A model folder's methods/*.safetensors load with the model (the default model
// ships its parts there); any other parts file loads onto any checkpoint with --parts FILE or
// File > Open method parts. Loaded tensors join the model's extras, each remembering its file so
// a method's errors name it.
#include <map>
#include <string>
#include <vector>

#include "model/vit_model.h"

namespace vp {

inline constexpr const char* kPartsFormat = "vitprune-method-parts";

// Reads `file` into model.extras(), replacing tensors with the same keys. Throws vp::Error naming
// the file when it is unreadable, not a parts file (e.g. backbone weights) or empty.
void loadMethodParts(ViTModel& model, const std::string& file);
// Loads every <folder>/methods/*.safetensors (sorted by name); returns the files loaded.
std::vector<std::string> loadBundledParts(ViTModel& model, const std::string& folder);
// Writes parts atomically with metadata {"format": kPartsFormat, "method": id, ...}.
void saveMethodParts(const std::string& file, const TensorMap& parts, const std::string& methodId,
                     std::map<std::string, std::string> metadata = {});
// The method id a parts file names in its metadata ("" when it names none).
std::string partsFileMethod(const std::string& file);

}  // namespace vp
