// S²ViTE — Chen et al., "Chasing Sparsity in Vision Transformers: An End-to-End Exploration",
// NeurIPS 2021 (official code: VITA-Group/SViTE). Structured sparsity over attention heads and MLP
// neurons, scored by first-order Taylor importance |sum w * dL/dw| (the paper's head and neuron
// scores), ranked globally under the GMACs budget. Training-free here: the paper prunes and
// regrows units during sparse training (prune-and-grow), which this one-shot version does not run.
#include "methods/ranked_structural.h"

namespace vp {
namespace {

class S2viteMethod : public RankedStructuralMethod {
public:
    MethodSpec spec() const override {
        return structuralSpec(
            "s2vite", VP_TEXT("vp::Methods", "S²ViTE (structured heads and neurons)"),
            "Chen et al., Chasing Sparsity in Vision Transformers: An End-to-End Exploration, NeurIPS 2021",
            VP_TEXT("vp::Methods",
                    "Removes whole attention heads and MLP neurons with the lowest first-order Taylor importance, "
                    "ranked across blocks. One shot: the paper's prune-and-grow training is not run."),
            true);
    }

protected:
    ImportanceSource source() const override { return ImportanceSource::Taylor; }
    RankingUnits units() const override { return {true, false, false, true, false}; }
};

}  // namespace

MethodPtr makeS2viteMethod() { return std::make_unique<S2viteMethod>(); }

}  // namespace vp
