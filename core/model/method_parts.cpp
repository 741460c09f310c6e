#include "model/method_parts.h"

#include <algorithm>
#include <filesystem>

#include "common/error.h"
#include "model/safetensors_io.h"

namespace fs = std::filesystem;

namespace vp {
namespace {

// Keys of a timm backbone: a parts file must not carry them (it would silently replace nothing:
// the backbone is read from the checkpoint), so such a file is a model, not parts.
bool isBackboneKey(const std::string& key) {
    for (const char* prefix : {"blocks.", "patch_embed.", "pos_embed", "cls_token", "dist_token", "norm.", "fc_norm.",
                               "head.", "head_dist."})
        if (key.rfind(prefix, 0) == 0) return true;
    return false;
}

}  // namespace

void loadMethodParts(ViTModel& model, const std::string& file) {
    SafetensorsFile parts = readSafetensors(file);
    if (parts.tensors.empty()) throw fileError(file, "holds no tensors (expected a method's trained parts)");
    for (const auto& [key, t] : parts.tensors)
        if (isBackboneKey(key))
            throw fileError(file, "holds backbone weights ('" + key +
                                      "'): it is a model, not a method parts file; open it as the model instead");
    for (auto& [key, t] : parts.tensors) {
        model.extras()[key] = t.is_floating_point() ? t.to(at::kFloat) : t;
        model.setExtraOrigin(key, file);
    }
}

std::vector<std::string> loadBundledParts(ViTModel& model, const std::string& folder) {
    std::vector<std::string> files;
    const fs::path dir = fs::path(folder) / "methods";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return files;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        if (it->path().extension() == ".safetensors") files.push_back(it->path().string());
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) loadMethodParts(model, f);
    return files;
}

void saveMethodParts(const std::string& file, const TensorMap& parts, const std::string& methodId,
                     std::map<std::string, std::string> metadata) {
    TensorMap cpu;
    for (const auto& [key, t] : parts) cpu[key] = t.detach().to(at::kCPU);
    metadata["format"] = kPartsFormat;
    metadata["method"] = methodId;
    writeSafetensors(file, cpu, metadata);
}

std::string partsFileMethod(const std::string& file) {
    const SafetensorsFile parts = readSafetensors(file);
    const auto it = parts.metadata.find("method");
    return it == parts.metadata.end() ? "" : it->second;
}

}  // namespace vp
