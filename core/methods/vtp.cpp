// VTP — Zhu, Tang and Han, "Vision Transformer Pruning", KDD workshop 2021 (arXiv 2104.08500).
// The paper learns a gate per feature dimension inside every block (the dims of the attention's
// projections and the MLP hidden dims) with an L1 penalty, then removes the dims whose gate falls
// under one global threshold set by the pruning rate (the threshold that meets the GMACs budget
// here). gates=learned: the gates are learned on the calibration images with the weights frozen
// (prune/soft_mask_search.h: a short L1-penalised search distilling the unpruned model).
// gates=weight-norm: UNTRAINED STAND-IN, each dim's weight norm (L1 magnitude of the weights that
// read and write it) replaces its gate; no images needed.
#include "methods/ranked_structural.h"

namespace vp {
namespace {

class VtpMethod : public RankedStructuralMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s = structuralSpec(
            "vtp", VP_TEXT("vp::Methods", "VTP (dimension pruning with gates)"),
            "Zhu, Tang and Han, Vision Transformer Pruning, arXiv 2104.08500 (2021)",
            VP_TEXT("vp::Methods",
                    "Removes attention and MLP feature dims whose gate falls under one global threshold. Gates are "
                    "learned on calibration images (weights frozen), or replaced by each dim's weight norm."),
            true);
        s.knobs.push_back({"gates",
                           VP_TEXT("vp::Methods", "Gates"),
                           KnobType::Choice,
                           0,
                           0,
                           0,
                           "learned",
                           {"learned", "weight-norm"},
                           VP_TEXT("vp::Methods",
                                   "learned: L1-penalised gates learned on the calibration images; weight-norm: the "
                                   "untrained stand-in, each dim's weight magnitude.")});
        s.knobs.push_back(searchStepsKnob());
        s.knobs.push_back(sparsityKnob());
        s.behaviourVersion = 2;  // 2: masks projected onto >= 0, sparsity 0.05
        return s;
    }
    void configure(const KnobValues& values) override {
        RankedStructuralMethod::configure(values);
        m_learned = values.choice(spec(), "gates") == "learned";
        m_search = searchOptions(values);
    }
    int calibrationImages() const override { return m_learned ? RankedStructuralMethod::calibrationImages() : 0; }

protected:
    RankingUnits units() const override { return {false, true, true, true, false}; }
    UnitScores scores(const ViTModel& model) const override {
        return m_learned ? searchedMasks(model, m_search) : RankedStructuralMethod::scores(model);
    }
    std::string importanceLabel() const override {
        return m_learned ? "learned gates" : "weight-norm gates (untrained)";
    }

private:
    bool m_learned = true;
    MaskSearchOptions m_search;
};

}  // namespace

MethodPtr makeVtpMethod() { return std::make_unique<VtpMethod>(); }

}  // namespace vp
