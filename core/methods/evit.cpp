// EViT — Liang et al., "Not All Patches Are What You Need: Expediting Vision Transformers via
// Token Reorganizations", ICLR 2022 (reference: github.com/youweiliang/evit).
// At the chosen blocks, after the attention residual: rank the non-CLS tokens by the CLS query's
// attention (mean over heads), keep ceil(keep * (N-1)) of them in descending score order and fuse
// the rest into one token sum_j a_j x_j (weights not renormalised, as the reference). An earlier
// fused token competes like any patch. The MLP then runs on the shorter sequence.
// Also registered without fusion as the "attention top-k" baseline every paper compares with.
// A per-block schedule (knob `schedule`, one keep rate per block, 1 = no pruning there) replaces
// keep and locations when set: keep=0.7 at 3,6,9 is schedule=1,1,1,0.7,1,1,0.7,1,1,0.7,1,1.
#include <algorithm>

#include "methods/builtin_methods.h"
#include "methods/token_ops.h"
#include "model/vit_model.h"

namespace vp {
namespace {

class EvitMethod : public PruneMethod {
public:
    explicit EvitMethod(bool fusionMethod) : m_fusionMethod(fusionMethod), m_fuse(fusionMethod) {}

    MethodSpec spec() const override {
        MethodSpec s;
        s.mainKnob = "keep";
        s.knobs = {{"keep",
                    VP_TEXT("vp::Methods", "Keep rate"),
                    KnobType::Number,
                    0.05,
                    1.0,
                    0.01,
                    "0.7",
                    {},
                    VP_TEXT("vp::Methods",
                            "Fraction of the current non-CLS tokens kept at each pruning block (EViT's keep_rate).")},
                   {"locations",
                    VP_TEXT("vp::Methods", "Pruning blocks"),
                    KnobType::IntList,
                    0,
                    63,
                    1,
                    "3,6,9",
                    {},
                    VP_TEXT("vp::Methods", "0-based blocks after whose attention tokens are reorganised.")},
                   {"schedule",
                    VP_TEXT("vp::Methods", "Per-block keep rates"),
                    KnobType::NumberList,
                    0.01,
                    1.0,
                    0.01,
                    "",
                    {},
                    VP_TEXT("vp::Methods",
                            "One keep rate per block (1 = no pruning there), comma-separated; replaces keep and the "
                            "pruning blocks when set. Empty: not used.")}};
        s.scheduleKnob = "schedule";
        s.requirements.clsAttention = true;
        s.requirements.blockKnobs = {"locations"};
        if (m_fusionMethod) {
            s.id = "evit";
            s.name = VP_TEXT("vp::Methods", "EViT");
            s.paper = "Liang et al., Not All Patches Are What You Need, ICLR 2022";
            s.family = "token";
            s.help = VP_TEXT("vp::Methods",
                             "Keeps the patches the CLS token attends to most; fuses the rest into one token (drops them when fusion is off).");
            s.knobs.push_back(
                {"fuse",
                 VP_TEXT("vp::Methods", "Fuse inattentive tokens"),
                 KnobType::Bool,
                 0,
                 1,
                 1,
                 "true",
                 {},
                 VP_TEXT("vp::Methods",
                         "Fold the dropped tokens into one attention-weighted token (EViT) or drop them.")});
        } else {
            s.id = "attn-topk";
            s.name = VP_TEXT("vp::Methods", "Attention top-k (no fusion)");
            s.paper = "Baseline of EViT (Liang et al., ICLR 2022) and DynamicViT: CLS-attention top-k";
            s.family = "baseline";
            s.help = VP_TEXT("vp::Methods", "Keeps the patches the CLS token attends to most and drops the rest.");
        }
        return s;
    }

    void configure(const KnobValues& v) override {
        const MethodSpec s = spec();
        m_keep = v.number(s, "keep");
        m_locations = v.intList(s, "locations");
        m_schedule = v.numberList(s, "schedule");
        if (m_fusionMethod) m_fuse = v.flag(s, "fuse");
    }

    void prepare(const ViTModel& model) override {
        m_depth = static_cast<int>(model.weights().blocks.size());
        checkPerBlockCount("schedule", m_schedule.size(), m_depth);
    }

    std::vector<double> blockSchedule() const override {
        std::vector<double> out;
        for (int l = 0; l < m_depth; ++l) out.push_back(keepAt(l));
        return out;
    }

    AttnNeeds needs(int layer) const override {
        AttnNeeds n;
        n.clsAttn = keepAt(layer) < 1.0;
        return n;
    }

    void reduce(int layer, const AttnContext& ctx, TokenState& state) override {
        const double keepRate = keepAt(layer);
        if (keepRate >= 1.0) return;
        const int64_t B = state.batch(), N = state.tokens(), pre = state.prefix, rest = N - pre;
        const int64_t keep = keptCount(keepRate, rest);
        if (keep >= rest || keep < 1) return;
        // CLS row, mean over heads, over the non-prefix columns: sums to < 1 (excludes CLS itself).
        const at::Tensor attn = ctx.clsAttn.mean(1).narrow(1, pre, rest);
        recordPatchScores(state, attn);
        if (!m_fuse) {
            keepTopPatches(state, attn, keep, /*sortByScore=*/true);
            return;
        }
        const at::Tensor order = std::get<1>(attn.topk(rest, 1, true, true));
        const at::Tensor kept = order.narrow(1, 0, keep) + pre;
        const at::Tensor dropped = order.narrow(1, keep, rest - keep) + pre;
        const at::Tensor prefixIdx = at::arange(pre, order.options()).unsqueeze(0).expand({B, pre});
        const at::Tensor keepIdx = at::cat({prefixIdx, kept}, 1);
        const int64_t C = state.x.size(2);
        const at::Tensor weights = ctx.clsAttn.mean(1).gather(1, dropped).to(state.x.scalar_type());
        const at::Tensor droppedX = state.x.gather(1, dropped.unsqueeze(-1).expand({B, rest - keep, C}));
        const at::Tensor fusedToken = (droppedX * weights.unsqueeze(-1)).sum(1, true);
        const at::Tensor newX =
            at::cat({state.x.gather(1, keepIdx.unsqueeze(-1).expand({B, pre + keep, C})), fusedToken}, 1);
        const int64_t fusedPos = pre + keep;
        if (state.size.defined())
            state.size = at::cat({state.size.gather(1, keepIdx), state.size.gather(1, dropped).sum(1, true)}, 1);
        at::Tensor oldFused = state.fused.defined() ? state.fused : at::zeros({B, N}, order.options().dtype(at::kBool));
        state.fused = at::cat({oldFused.gather(1, keepIdx), at::ones({B, 1}, oldFused.options())}, 1);
        if (state.tracking && state.patchToToken.defined()) {
            at::Tensor newIndex = at::full({B, N}, fusedPos, order.options());  // dropped → fused token
            newIndex.scatter_(1, keepIdx, at::arange(pre + keep, order.options()).unsqueeze(0).expand({B, pre + keep}));
            state.remapPatches(newIndex);
        }
        state.x = newX;
    }

private:
    // Keep rate at a block: the schedule's when set, else keep at the pruning blocks.
    double keepAt(int layer) const {
        if (!m_schedule.empty())
            return layer >= 0 && layer < static_cast<int>(m_schedule.size()) ? m_schedule[layer] : 1.0;
        return std::find(m_locations.begin(), m_locations.end(), layer) != m_locations.end() ? m_keep : 1.0;
    }
    bool m_fusionMethod;
    bool m_fuse;
    double m_keep = 0.7;
    std::vector<int> m_locations{3, 6, 9};
    std::vector<double> m_schedule;
    int m_depth = 12;
};

}  // namespace

MethodPtr makeEvitMethod() { return std::make_unique<EvitMethod>(true); }
MethodPtr makeAttentionTopkMethod() { return std::make_unique<EvitMethod>(false); }

}  // namespace vp
