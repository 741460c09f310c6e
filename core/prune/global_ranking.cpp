#include "prune/global_ranking.h"

#include <algorithm>
#include <numeric>

#include "common/error.h"
#include "prune/flops.h"

namespace vp {
namespace {

enum class Kind { Head, QkSlot, VSlot, Neuron, Embed };

struct Unit {
    Kind kind;
    int block, index;
    double priority;
};

double meanOf(const std::vector<std::vector<double>>& groups) {
    double sum = 0, n = 0;
    for (const auto& g : groups) {
        sum += std::accumulate(g.begin(), g.end(), 0.0);
        n += static_cast<double>(g.size());
    }
    return n > 0 ? sum / n : 0;
}

void addUnits(std::vector<Unit>& out, Kind kind, const std::vector<std::vector<double>>& groups) {
    const double mean = meanOf(groups);
    for (size_t b = 0; b < groups.size(); ++b)
        for (size_t i = 0; i < groups[b].size(); ++i)
            out.push_back({kind, static_cast<int>(b), static_cast<int>(i), mean > 0 ? groups[b][i] / mean : 0});
}

// Per-slot scores of a block: slot r sums, over heads, each head's r-th least important dim (so
// removing slot r takes one dim from every head and heads keep equal widths).
std::vector<std::vector<double>> slotScores(const std::vector<std::vector<double>>& dims, const ViTModel& model,
                                            bool values, std::vector<std::vector<std::vector<int>>>& order) {
    std::vector<std::vector<double>> slots;
    order.clear();
    for (size_t b = 0; b < dims.size(); ++b) {
        const BlockWeights& w = model.weights().blocks[b];
        const int H = w.attentionRemoved ? 0 : w.heads, d = values ? w.valueDim() : w.headDim;
        std::vector<double> s(H > 0 ? d : 0, 0.0);
        std::vector<std::vector<int>> perHead;
        for (int h = 0; h < H; ++h) {
            std::vector<int> idx = allIndices(d);
            std::stable_sort(idx.begin(), idx.end(),
                             [&](int a, int c) { return dims[b][h * d + a] < dims[b][h * d + c]; });
            for (int r = 0; r < d; ++r) s[r] += dims[b][h * d + idx[r]];
            perHead.push_back(std::move(idx));
        }
        slots.push_back(std::move(s));
        order.push_back(std::move(perHead));
    }
    return slots;
}

template <typename T>
void eraseValue(std::vector<T>& v, const T& x) {
    v.erase(std::remove(v.begin(), v.end(), x), v.end());
}

}  // namespace

KeepPlan rankUnderBudget(const ViTModel& model, const UnitScores& scores, double targetMacs, const RankingUnits& units,
                         const std::string& who) {
    KeepPlan plan = keepEverything(model);
    if (planMacs(model, plan) <= targetMacs) return plan;
    std::vector<Unit> all;
    std::vector<std::vector<std::vector<int>>> qkOrder, vOrder;
    if (units.heads) addUnits(all, Kind::Head, scores.heads);
    if (units.qkDims) addUnits(all, Kind::QkSlot, slotScores(scores.qkDims, model, false, qkOrder));
    if (units.vDims) addUnits(all, Kind::VSlot, slotScores(scores.vDims, model, true, vOrder));
    if (units.neurons) addUnits(all, Kind::Neuron, scores.neurons);
    if (units.embed) addUnits(all, Kind::Embed, {scores.embed});
    // Slot scores rise with the slot index within a block (slot r sums each head's r-th smallest
    // dim), so ordering by priority keeps the slots of a block in order; ties go by position.
    std::stable_sort(all.begin(), all.end(), [](const Unit& a, const Unit& b) { return a.priority < b.priority; });
    if (units.embed) plan.embedDims = allIndices(model.config().embedDim);
    // Dims removed per block so far, for slots.
    std::vector<int> qkRemoved(plan.blocks.size(), 0), vRemoved(plan.blocks.size(), 0);
    for (const Unit& u : all) {
        BlockKeep& k = plan.blocks[u.block];
        switch (u.kind) {
            case Kind::Head: {
                if (!k.attention || k.heads.size() <= 1) continue;
                const auto at = std::find(k.heads.begin(), k.heads.end(), u.index);
                if (at == k.heads.end()) continue;
                const auto i = at - k.heads.begin();
                k.heads.erase(at);
                k.qkDims.erase(k.qkDims.begin() + i);
                k.vDims.erase(k.vDims.begin() + i);
                break;
            }
            case Kind::QkSlot:
            case Kind::VSlot: {
                const bool values = u.kind == Kind::VSlot;
                auto& dims = values ? k.vDims : k.qkDims;
                if (!k.attention || dims.empty() || dims.front().size() <= 1) continue;
                const auto& order = values ? vOrder[u.block] : qkOrder[u.block];
                for (size_t i = 0; i < k.heads.size(); ++i) eraseValue(dims[i], order[k.heads[i]][u.index]);
                ++(values ? vRemoved : qkRemoved)[u.block];
                break;
            }
            case Kind::Neuron:
                if (k.neurons.size() <= 1) continue;
                eraseValue(k.neurons, u.index);
                break;
            case Kind::Embed:
                if (plan.embedDims.size() <= 1) continue;
                eraseValue(plan.embedDims, u.index);
                break;
        }
        if (planMacs(model, plan) <= targetMacs) return plan;
    }
    throw Error(who + ": the budget " + std::to_string(toG(targetMacs)) + " GMACs is below the " +
                std::to_string(toG(planMacs(model, plan))) + " GMACs left after removing every prunable unit");
}

std::string planSummary(const ViTModel& model, const KeepPlan& plan) {
    int heads = 0, keptHeads = 0, removedAttn = 0;
    int64_t neurons = 0, keptNeurons = 0, qk = 0, keptQk = 0, v = 0, keptV = 0;
    const auto& blocks = model.weights().blocks;
    for (size_t i = 0; i < blocks.size(); ++i) {
        const BlockWeights& b = blocks[i];
        neurons += b.mlpHidden();
        if (!b.attentionRemoved) {
            heads += b.heads;
            qk += b.qkWidth();
            v += b.attnDim();
        }
        if (i >= plan.blocks.size()) continue;
        const BlockKeep& k = plan.blocks[i];
        keptNeurons += static_cast<int64_t>(k.neurons.size());
        if (!k.attention) {
            removedAttn += b.attentionRemoved ? 0 : 1;
            continue;
        }
        keptHeads += static_cast<int>(k.heads.size());
        keptQk += static_cast<int64_t>(k.heads.size()) * k.qkPerHead();
        keptV += static_cast<int64_t>(k.heads.size()) * k.vPerHead();
    }
    std::string s;
    auto part = [&](int64_t kept, int64_t of, const std::string& what) {
        if (kept == of) return;
        s += (s.empty() ? "" : ", ") + std::to_string(of - kept) + " of " + std::to_string(of) + " " + what;
    };
    part(keptHeads + 0, heads, "heads");
    part(keptQk, qk, "query/key dims");
    part(keptV, v, "value dims");
    part(keptNeurons, neurons, "MLP neurons");
    if (!plan.embedDims.empty())
        part(static_cast<int64_t>(plan.embedDims.size()), model.config().embedDim, "embedding dims");
    if (removedAttn > 0) s += (s.empty() ? "" : ", ") + std::to_string(removedAttn) + " attention layers";
    if (plan.blocks.size() < blocks.size())
        s += (s.empty() ? "" : ", ") + std::to_string(blocks.size() - plan.blocks.size()) + " blocks";
    return s.empty() ? "nothing removed" : s + " removed";
}

}  // namespace vp
