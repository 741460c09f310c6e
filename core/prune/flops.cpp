#include "prune/flops.h"

#include <algorithm>

#include "model/vit_model.h"

namespace vp {

double blockMacs(int embedDim, const BlockDims& dims, double attnTokens, double mlpTokens) {
    const double C = embedDim, A = dims.attnDim, H = dims.mlpHidden;
    const double Q = dims.qkDim < 0 ? A : dims.qkDim;
    const double R = dims.fc2Rank;
    const double d = dims.linearDensity;
    double macs = d * (mlpTokens * C * H + (R > 0 ? mlpTokens * R * (H + C) : mlpTokens * H * C));
    if (!dims.attention && dims.convKernel > 0) {  // SPViT: conv C -> D over the patches, linear D -> C
        const double P = std::max(0.0, attnTokens - dims.prefixTokens);
        macs += P * C * dims.convDim * (static_cast<double>(dims.convKernel) * dims.convKernel + 1);
    }
    if (dims.attention) {
        const double N = attnTokens;
        macs += d * (N * C * (2.0 * Q + A) + N * A * C) + N * N * (Q + A);
        if (dims.mapHeads > 0 && dims.mapHeads < dims.heads)
            macs += N * N * static_cast<double>(dims.heads - dims.mapHeads) * dims.mapHeads;
    }
    return macs;
}

BlockDims dimsOf(const BlockWidth& w) {
    const int maps = w.computedMaps();
    BlockDims d{w.heads * w.vDim, w.mlpHidden, w.attention, maps * w.qkDim, w.heads, maps, w.fc2Rank};
    if (!w.attention && w.standIn == StandIn::Conv) {
        d.convKernel = w.convKernel;
        d.convDim = w.convDim;
    }
    return d;
}

namespace {

double stemAndHeadMacs(const ViTConfig& c, int patches) {
    const double P = patches;
    const double embed = P * c.inChans * c.patchSize * c.patchSize * c.embedDim;
    const double head = static_cast<double>(c.embedDim) * c.numClasses * (c.distilled ? 2 : 1);
    return embed + head;
}

BlockDims dimsOf(const ViTConfig& c, const BlockWidth& w) {
    BlockDims d = dimsOf(w);
    d.prefixTokens = c.numPrefixTokens();
    return d;
}

BlockDims dimsOf(const ViTConfig& c, const BlockWeights& b) {
    BlockDims d = dimsOf(c, widthOf(b));
    d.linearDensity = b.linearDensity;
    return d;
}

}  // namespace

double denseMacs(const ViTConfig& c) {
    const double N = c.numPatches() + c.numPrefixTokens();
    double macs = stemAndHeadMacs(c, c.numPatches());
    for (int i = 0; i < c.depth; ++i) {
        macs += blockMacs(c.embedDim, dimsOf(c, c.blockWidth(i)), N, N);
    }
    return macs;
}

double denseMacs(const ViTModel& model) {
    const ViTConfig& c = model.config();
    const double N = c.numPatches() + c.numPrefixTokens();
    double macs = stemAndHeadMacs(c, c.numPatches());
    for (const BlockWeights& b : model.weights().blocks) macs += blockMacs(c.embedDim, dimsOf(c, b), N, N);
    return macs;
}

std::vector<double> sampleMacs(const ViTModel& model, const TokenTrace& trace) {
    const ViTConfig& c = model.config();
    const auto& blocks = model.weights().blocks;
    std::vector<double> out;
    out.reserve(static_cast<size_t>(std::max(0, trace.batch)));
    for (int s = 0; s < trace.batch; ++s) {
        double macs = stemAndHeadMacs(c, trace.patches);
        for (const LayerTrace& lt : trace.layers)
            macs += s < static_cast<int>(lt.macs.size())
                        ? lt.macs[s]
                        : blockMacs(c.embedDim, dimsOf(c, blocks[lt.layer]), lt.attnTokens[s], lt.mlpTokens[s]);
        if (s < static_cast<int>(trace.extraMacs.size())) macs += trace.extraMacs[s];
        out.push_back(macs);
    }
    return out;
}

double traceMacs(const ViTModel& model, const TokenTrace& trace) {
    if (trace.batch == 0) return 0;
    double total = 0;
    for (double macs : sampleMacs(model, trace)) total += macs;
    return total / trace.batch;
}

double meanLinearDensity(const ViTModel& model) {
    const auto& blocks = model.weights().blocks;
    if (blocks.empty()) return 1.0;
    double sum = 0;
    for (const BlockWeights& b : blocks) sum += b.linearDensity;
    return sum / static_cast<double>(blocks.size());
}

}  // namespace vp
