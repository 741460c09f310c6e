#include "prune/structure_plan.h"

#include <cmath>
#include <numeric>

#include "common/error.h"
#include "prune/flops.h"

namespace vp {

std::vector<int> allIndices(int n) {
    std::vector<int> v(static_cast<size_t>(std::max(0, n)));
    std::iota(v.begin(), v.end(), 0);
    return v;
}

BlockWidth BlockKeep::width() const {
    if (!attention) return {0, 0, 0, static_cast<int>(neurons.size()), false};
    return {static_cast<int>(heads.size()), qkPerHead(), vPerHead(), static_cast<int>(neurons.size()), true};
}

KeepPlan keepEverything(const ViTModel& model) {
    KeepPlan plan;
    for (const BlockWeights& b : model.weights().blocks) {
        BlockKeep k;
        k.attention = !b.attentionRemoved;
        if (k.attention) {
            k.heads = allIndices(b.heads);
            k.qkDims.assign(b.heads, allIndices(b.headDim));
            k.vDims.assign(b.heads, allIndices(b.valueDim()));
        }
        k.neurons = allIndices(b.mlpHidden());
        plan.blocks.push_back(std::move(k));
    }
    return plan;
}

double planMacs(const ViTModel& model, const KeepPlan& plan) {
    ViTConfig c = model.config();
    c.depth = static_cast<int>(plan.blocks.size());
    c.blockWidths.clear();
    for (const BlockKeep& k : plan.blocks) c.blockWidths.push_back(k.width());
    if (!plan.embedDims.empty()) c.embedDim = static_cast<int>(plan.embedDims.size());
    return denseMacs(c);
}

namespace {

at::Tensor indexTensor(const std::vector<int>& idx, const at::Device& device) {
    return at::tensor(std::vector<int64_t>(idx.begin(), idx.end()), at::TensorOptions().dtype(at::kLong)).to(device);
}

void checkRange(const std::vector<int>& idx, int n, const std::string& what) {
    for (size_t i = 0; i < idx.size(); ++i)
        if (idx[i] < 0 || idx[i] >= n || (i > 0 && idx[i] <= idx[i - 1]))
            throw Error("structural plan: " + what + " must be ascending indices below " + std::to_string(n));
}

// Rows of the fused qkv weight (or bias) that `keep` keeps: queries, keys, then values.
std::vector<int> qkvRows(const BlockWeights& b, const BlockKeep& keep, const std::string& where) {
    const int d = b.headDim, dv = b.valueDim(), H = b.heads;
    checkRange(keep.heads, H, where + " heads");
    std::vector<int> q, k, v;
    for (size_t i = 0; i < keep.heads.size(); ++i) {
        const int h = keep.heads[i];
        if (keep.qkDims[i].size() != keep.qkDims.front().size() || keep.vDims[i].size() != keep.vDims.front().size())
            throw Error("structural plan: " + where + " keeps different dim counts in different heads");
        checkRange(keep.qkDims[i], d, where + " query/key dims");
        checkRange(keep.vDims[i], dv, where + " value dims");
        for (int j : keep.qkDims[i]) {
            q.push_back(h * d + j);
            k.push_back(H * d + h * d + j);
        }
        for (int j : keep.vDims[i]) v.push_back(2 * H * d + h * dv + j);
    }
    q.insert(q.end(), k.begin(), k.end());
    q.insert(q.end(), v.begin(), v.end());
    return q;
}

std::vector<int> projColumns(const BlockWeights& b, const BlockKeep& keep) {
    std::vector<int> cols;
    for (size_t i = 0; i < keep.heads.size(); ++i)
        for (int j : keep.vDims[i]) cols.push_back(keep.heads[i] * b.valueDim() + j);
    return cols;
}

BlockWeights sliceBlock(const BlockWeights& b, const BlockKeep& keep, const at::Tensor& embed, int index) {
    const std::string where = "block " + std::to_string(index);
    const at::Device dev = b.fc1W.device();
    auto pick = [](const at::Tensor& t, int64_t dim, const at::Tensor& idx) {
        return t.defined() && idx.defined() ? t.index_select(dim, idx).contiguous() : t;
    };
    if (keep.neurons.empty()) throw Error("structural plan: " + where + " keeps no MLP neuron");
    checkRange(keep.neurons, b.mlpHidden(), where + " neurons");
    const at::Tensor neurons = indexTensor(keep.neurons, dev);
    BlockWeights out;
    out.norm1W = pick(b.norm1W, 0, embed);
    out.norm1B = pick(b.norm1B, 0, embed);
    out.norm2W = pick(b.norm2W, 0, embed);
    out.norm2B = pick(b.norm2B, 0, embed);
    out.fc1W = pick(pick(b.fc1W, 0, neurons), 1, embed);
    out.fc1B = pick(b.fc1B, 0, neurons);
    out.fc2W = pick(pick(b.fc2W, 1, neurons), 0, embed);
    out.fc2B = pick(b.fc2B, 0, embed);
    out.attentionRemoved = b.attentionRemoved || !keep.attention;
    if (out.attentionRemoved) return out;
    if (keep.heads.empty()) throw Error("structural plan: " + where + " keeps attention but no head");
    if (keep.qkDims.size() != keep.heads.size() || keep.vDims.size() != keep.heads.size())
        throw Error("structural plan: " + where + " needs one dim list per kept head");
    if (keep.qkPerHead() == 0 || keep.vPerHead() == 0)
        throw Error("structural plan: " + where + " keeps a head with no query/key or value dim");
    const at::Tensor rows = indexTensor(qkvRows(b, keep, where), dev);
    out.qkvW = pick(pick(b.qkvW, 0, rows), 1, embed);
    out.qkvB = pick(b.qkvB, 0, rows);
    out.projW = pick(pick(b.projW, 1, indexTensor(projColumns(b, keep), dev)), 0, embed);
    out.projB = pick(b.projB, 0, embed);
    out.heads = static_cast<int>(keep.heads.size());
    out.headDim = keep.qkPerHead();
    out.vDim = keep.vPerHead() == out.headDim ? 0 : keep.vPerHead();
    if (out.headDim != b.headDim) {
        // The forward scales by 1/sqrt(kept dims); the model was trained with 1/sqrt(original).
        const double fix = std::sqrt(static_cast<double>(out.headDim) / b.headDim);
        const int64_t q = static_cast<int64_t>(out.heads) * out.headDim;
        out.qkvW = out.qkvW.clone();
        out.qkvW.narrow(0, 0, q).mul_(fix);
        if (out.qkvB.defined()) {
            out.qkvB = out.qkvB.clone();
            out.qkvB.narrow(0, 0, q).mul_(fix);
        }
    }
    return out;
}

}  // namespace

void requirePlainBlocks(const ViTModel& model, const std::string& who) {
    const auto& blocks = model.weights().blocks;
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (blocks[i].mapCount() < blocks[i].heads || blocks[i].fc2InW.defined())
            throw Error(who + ": block " + std::to_string(i) +
                        " has hallucinated heads or a factorised fc2 (hMHSA + cFFN); apply " + who +
                        " to the model before hmhsa-cffn");
        if (blocks[i].attentionRemoved && blocks[i].standIn != StandIn::Double)
            throw Error(who + ": block " + std::to_string(i) +
                        "'s attention is a convolution or a skip (SPViT); apply " + who + " to the model before spvit");
    }
}

ViTModel applyPlan(const ViTModel& model, const KeepPlan& plan, const std::string& prunedBy) {
    requirePlainBlocks(model, "structural pruning");
    const ViTConfig& c = model.config();
    const ViTWeights& w = model.weights();
    if (plan.blocks.empty() || plan.blocks.size() > w.blocks.size())
        throw Error("structural plan: keeps " + std::to_string(plan.blocks.size()) + " blocks of " +
                    std::to_string(w.blocks.size()));
    checkRange(plan.embedDims, c.embedDim, "embedding dims");
    const at::Tensor embed = plan.embedDims.empty() ? at::Tensor() : indexTensor(plan.embedDims, model.device());
    auto pick = [&](const at::Tensor& t, int64_t dim) {
        return t.defined() && embed.defined() ? t.index_select(dim, embed).contiguous() : t;
    };
    ViTWeights out;
    out.patchW = pick(w.patchW, 0);
    out.patchB = pick(w.patchB, 0);
    out.clsToken = pick(w.clsToken, 2);
    out.distToken = pick(w.distToken, 2);
    out.posEmbed = pick(w.posEmbed, 2);
    for (size_t i = 0; i < plan.blocks.size(); ++i)
        out.blocks.push_back(sliceBlock(w.blocks[i], plan.blocks[i], embed, static_cast<int>(i)));
    out.normW = pick(w.normW, 0);
    out.normB = pick(w.normB, 0);
    out.fcNormW = pick(w.fcNormW, 0);
    out.fcNormB = pick(w.fcNormB, 0);
    out.headW = pick(w.headW, 1);
    out.headB = w.headB;
    out.headDistW = pick(w.headDistW, 1);
    out.headDistB = w.headDistB;

    ViTConfig config = c;
    config.depth = static_cast<int>(out.blocks.size());
    config.embedDim = plan.embedDims.empty() ? c.embedDim : static_cast<int>(plan.embedDims.size());
    ViTModel sliced(config, std::move(out));
    sliced.setOrigin(model.origin());
    sliced.setFamily(model.family());
    return withRecordedWidths(std::move(sliced), prunedBy);
}

ViTModel withRecordedWidths(ViTModel model, const std::string& prunedBy) {
    ViTConfig& c = model.config();
    c.blockWidths.clear();
    for (const BlockWeights& b : model.weights().blocks) c.blockWidths.push_back(widthOf(b));
    c.reportedAccuracy = -1;  // the unpruned model's accuracy is not this model's
    c.prunedBy = c.prunedBy.empty() ? prunedBy : c.prunedBy + "; " + prunedBy;
    model.validate();
    return model;
}

}  // namespace vp
