// VTP — Zhu, Tang and Han, "Vision Transformer Pruning", KDD workshop 2021 (arXiv 2104.08500).
// The paper learns a gate per feature dimension inside every block (the dims of the attention's
// projections and the MLP hidden dims) with an L1 penalty, then removes the dims whose gate falls
// under one global threshold set by the pruning rate. UNTRAINED STAND-IN: without learned gates the
// gate value is replaced by the dimension's weight norm (L1 magnitude of the weights that read and
// write it), which is also what the gates are initialised to track; the global threshold is the one
// that meets the GMACs budget.
#include "methods/ranked_structural.h"

namespace vp {
namespace {

class VtpMethod : public RankedStructuralMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s = structuralSpec(
            "vtp", VP_TEXT("vp::Methods", "VTP (dimension pruning, weight-norm gates)"),
            "Zhu, Tang and Han, Vision Transformer Pruning, arXiv 2104.08500 (2021)",
            VP_TEXT("vp::Methods",
                    "Removes attention and MLP feature dims under one global threshold. Untrained: the learned gates "
                    "are replaced by each dim's weight norm."),
            false);
        s.trainingFree = true;
        return s;
    }

protected:
    ImportanceSource source() const override { return ImportanceSource::Magnitude; }
    RankingUnits units() const override { return {false, true, true, true, false}; }
};

}  // namespace

MethodPtr makeVtpMethod() { return std::make_unique<VtpMethod>(); }

}  // namespace vp
