// Random keep baseline: at chosen blocks keep a random ceil(keep * N_patches) of the patch tokens,
// as the "random" rows of DynamicViT (Rao et al., NeurIPS 2021, Table 5) and EViT ablations.
// Seeded per forward so the same input gives the same result. A per-block schedule (knob
// `schedule`, one keep ratio per block, 1 = no pruning there) replaces keep and locations when set.
#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>

#include "methods/builtin_methods.h"
#include "methods/token_ops.h"
#include "model/vit_model.h"

namespace vp {
namespace {

class RandomKeepMethod : public PruneMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "random";
        s.name = VP_TEXT("vp::Methods", "Random keep");
        s.paper = "Baseline used by DynamicViT (Rao et al., NeurIPS 2021) and EViT (Liang et al., ICLR 2022)";
        s.family = "baseline";
        s.help =
            VP_TEXT("vp::Methods", "Keeps a random subset of the patch tokens after attention at the chosen blocks.");
        s.mainKnob = "keep";
        s.knobs = {
            {"keep",
             VP_TEXT("vp::Methods", "Keep ratio"),
             KnobType::Number,
             0.05,
             1.0,
             0.01,
             "0.7",
             {},
             VP_TEXT("vp::Methods", "Fraction of the current patch tokens kept at each pruning block.")},
            {"locations",
             VP_TEXT("vp::Methods", "Pruning blocks"),
             KnobType::IntList,
             0,
             63,
             1,
             "3,6,9",
             {},
             VP_TEXT("vp::Methods", "0-based blocks after whose attention tokens are dropped.")},
            {"schedule",
             VP_TEXT("vp::Methods", "Per-block keep ratios"),
             KnobType::NumberList,
             0.01,
             1.0,
             0.01,
             "",
             {},
             VP_TEXT("vp::Methods",
                     "One keep ratio per block (1 = no pruning there), comma-separated; replaces the keep ratio and "
                     "the pruning blocks when set. Empty: not used.")},
            {"seed",
             VP_TEXT("vp::Methods", "Seed"),
             KnobType::Integer,
             0,
             1e9,
             1,
             "0",
             {},
             VP_TEXT("vp::Methods", "Random seed (per forward).")},
        };
        s.scheduleKnob = "schedule";
        s.requirements.blockKnobs = {"locations"};
        return s;
    }

    void configure(const KnobValues& v) override {
        const MethodSpec s = spec();
        m_keep = v.number(s, "keep");
        m_locations = v.intList(s, "locations");
        m_schedule = v.numberList(s, "schedule");
        m_seed = v.integer(s, "seed");
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

    void begin(TokenState&) override { m_generator = at::make_generator<at::CPUGeneratorImpl>(m_seed); }

    void reduce(int layer, const AttnContext&, TokenState& state) override {
        const double ratio = keepAt(layer);
        if (ratio >= 1.0) return;
        const int64_t B = state.batch(), patches = state.tokens() - state.prefix;
        const int64_t keep = keptCount(ratio, patches);
        if (keep >= patches) return;
        at::Tensor scores = at::rand({B, patches}, m_generator, at::kFloat).to(state.x.device());
        recordPatchScores(state, scores);
        keepTopPatches(state, scores, keep, /*sortByScore=*/false);
    }

private:
    double keepAt(int layer) const {
        if (!m_schedule.empty())
            return layer >= 0 && layer < static_cast<int>(m_schedule.size()) ? m_schedule[layer] : 1.0;
        return std::find(m_locations.begin(), m_locations.end(), layer) != m_locations.end() ? m_keep : 1.0;
    }

    double m_keep = 0.7;
    std::vector<int> m_locations{3, 6, 9};
    std::vector<double> m_schedule;
    int m_depth = 12;
    int m_seed = 0;
    at::Generator m_generator;
};

}  // namespace

MethodPtr makeRandomKeepMethod() { return std::make_unique<RandomKeepMethod>(); }

}  // namespace vp
