#pragma once
// The shape and pre-processing of a ViT, in timm's vocabulary (config.json of timm/HF-hub models).
#include <array>
#include <string>
#include <vector>

namespace vp {

struct ViTConfig {
    std::string architecture = "vit_custom";
    int imageSize = 224;  // input_size[1] == input_size[2]
    int inChans = 3;      // input_size[0]
    int patchSize = 16;
    int embedDim = 768;
    int depth = 12;
    int numHeads = 12;
    int mlpHidden = 3072;
    int numClasses = 1000;
    bool qkvBias = true;
    bool distilled = false;      // DeiT distilled: dist_token + head_dist
    std::string pool = "token";  // "token" (CLS) or "avg" (mean of patch tokens, fc_norm)
    double lnEps = 1e-6;
    double cropPct = 0.875;
    std::string interpolation = "bicubic";  // bicubic | bilinear | nearest
    std::vector<double> mean{0.485, 0.456, 0.406};
    std::vector<double> std{0.229, 0.224, 0.225};
    std::vector<std::string> labelNames;  // may be empty: labels print as class indices
    double reportedAccuracy = -1;         // top-1 stated by whoever trained it, -1 if unknown

    int grid() const { return imageSize / patchSize; }
    int numPatches() const { return grid() * grid(); }
    int numPrefixTokens() const { return distilled ? 2 : 1; }
    int headDim() const { return embedDim / numHeads; }
    std::string label(int index) const;

    // Throws vp::Error naming `origin` when a field is out of range or inconsistent.
    void validate(const std::string& origin) const;

    // timm-style config.json (also accepts HF transformers' ViTConfig json).
    static ViTConfig fromJsonText(const std::string& text, const std::string& origin);
    std::string toJsonText() const;

    // Known timm architectures: deit_{tiny,small,base}_patch16_224,
    // deit_{tiny,small,base}_distilled_patch16_224, vit_{tiny,small,base,large}_patch16_224, ...
    static bool fromArchitecture(const std::string& name, ViTConfig& out);
    static std::vector<std::string> knownArchitectures();
};

}  // namespace vp
