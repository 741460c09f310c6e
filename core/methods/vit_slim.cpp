// ViT-Slim — Chavan et al., "Vision Transformer Slimming: Multi-Dimension Searching in Continuous
// Optimization Space", CVPR 2022 (official code: Arnav0400/ViT-Slim). One-shot search: soft masks
// on every head's dims (one per head dim, on its query, key and value alike; VTP's gates keep
// query/key and value apart), the MLP hidden neurons and (optionally) the embedding dims are learned
// with the weights frozen under an L1 sparsity term (prune/soft_mask_search.h); the masks'
// magnitudes, thresholded globally, decide what goes until the GMACs budget is met. The paper
// then fine-tunes (`vitprune finetune` here). Short search: 60 steps on the calibration images
// by default, distilling the unpruned model since the images carry no labels.
#include <iomanip>
#include <sstream>

#include "methods/ranked_structural.h"
#include "prune/soft_mask_search.h"

namespace vp {
namespace {

class VitSlimMethod : public RankedStructuralMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s = structuralSpec(
            "vit-slim", VP_TEXT("vp::Methods", "ViT-Slim (soft-mask search)"),
            "Chavan et al., Vision Transformer Slimming: Multi-Dimension Searching in Continuous Optimization "
            "Space, CVPR 2022",
            VP_TEXT("vp::Methods",
                    "Learns a soft mask on every head dim and MLP neuron (weights frozen, L1 sparsity, distilling the "
                    "unpruned model on calibration images), then removes the smallest masks across all blocks until "
                    "the GMACs budget is met."),
            true);
        s.knobs.push_back(searchStepsKnob());
        s.knobs.push_back(sparsityKnob());
        s.behaviourVersion = 2;  // 2: masks projected onto >= 0, sparsity 0.05
        s.knobs.push_back({"embed",
                           VP_TEXT("vp::Methods", "Search embedding dims"),
                           KnobType::Bool,
                           0,
                           1,
                           1,
                           "false",
                           {},
                           VP_TEXT("vp::Methods", "Also mask and prune the embedding dims (shared by every block).")});
        return s;
    }
    void configure(const KnobValues& values) override {
        RankedStructuralMethod::configure(values);
        m_search = searchOptions(values);
        m_search.embed = values.flag(spec(), "embed");
        m_search.sharedHeadDims = true;  // the paper's mask per head dim acts on q, k and v
    }

protected:
    RankingUnits units() const override { return {false, true, true, true, m_search.embed}; }
    UnitScores scores(const ViTModel& model) const override { return searchedMasks(model, m_search); }
    std::string importanceLabel() const override { return "soft masks"; }

private:
    MaskSearchOptions m_search;
};

}  // namespace

MethodPtr makeVitSlimMethod() { return std::make_unique<VitSlimMethod>(); }

}  // namespace vp
