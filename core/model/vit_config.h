#pragma once
// The shape and pre-processing of a ViT, in timm's vocabulary (config.json of timm/HF-hub models).
#include <array>
#include <string>
#include <vector>

namespace vp {

// One block's widths when a structural method made them differ from the config's uniform ones.
// The attention has `heads` heads; each projects to qkDim dims for queries and keys and vDim dims
// for values (the fused qkv weight is [heads*(2*qkDim + vDim), C]); attention == false: the
// block's attention sub-block was removed (x <- 2x, "MLP can be a good transformer learner").
// hMHSA: only the first mapHeads heads compute their attention map (queries and keys exist for
// them alone, [2*mapHeads*qkDim + heads*vDim, C]); the others mix those maps linearly. cFFN: the
// MLP's output projection is factorised at rank fc2Rank (hidden -> rank -> C).
// A removed attention sub-block computes x <- 2x (StandIn::Double), x <- x (Identity, SPViT's
// skip) or x <- x + Conv(LN(x)) (Conv, SPViT: a convKernel x convKernel conv from C to convDim
// channels over the patch grid, ReLU, a linear map back to C; prefix tokens pass LN(x) through).
enum class StandIn { Double, Identity, Conv };

struct BlockWidth {
    int heads = 0, qkDim = 0, vDim = 0, mlpHidden = 0;
    bool attention = true;
    int mapHeads = 0;                   // 0: every head computes its own map
    int fc2Rank = 0;                    // 0: fc2 is one dense matrix
    StandIn standIn = StandIn::Double;  // with attention == false
    int convKernel = 0, convDim = 0;    // StandIn::Conv
    int computedMaps() const { return mapHeads > 0 ? mapHeads : heads; }
    bool operator==(const BlockWidth& o) const {
        return heads == o.heads && qkDim == o.qkDim && vDim == o.vDim && mlpHidden == o.mlpHidden &&
               attention == o.attention && computedMaps() == o.computedMaps() && fc2Rank == o.fc2Rank &&
               (attention || (standIn == o.standIn && convKernel == o.convKernel && convDim == o.convDim));
    }
};

// config.json's names of the stand-ins ("double", "identity", "conv"); an unknown name throws
// vp::Error naming `origin`.
std::string standInName(StandIn s);
StandIn standInFromName(const std::string& name, const std::string& origin);

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
    // Per-block widths of a structurally pruned model ("block_widths" in config.json); empty: every
    // block has numHeads heads of headDim() and mlpHidden neurons. embedDim may then be pruned too.
    std::vector<BlockWidth> blockWidths;
    std::string prunedBy;  // method and settings that made the widths ("pruned_by"), for display

    int grid() const { return imageSize / patchSize; }
    int numPatches() const { return grid() * grid(); }
    int numPrefixTokens() const { return distilled ? 2 : 1; }
    int headDim() const { return embedDim / numHeads; }
    // Block i's widths: blockWidths[i] when set, else the uniform ones.
    BlockWidth blockWidth(int i) const;
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
