// NViT — Yang et al., "Global Vision Transformer Pruning with Hessian-Aware Saliency", CVPR 2023
// (official code: NVlabs/NViT). Units are grouped as in the paper: attention heads, the query/key
// dims and the value dims of every head (one dim slot of all heads of a block at a time, so heads
// keep one width), MLP hidden neurons and, optionally, the embedding dims. Each group's importance
// is the Hessian-aware saliency in its Fisher approximation, the mean over calibration batches of
// (sum over the group's weights of w * dL/dw)^2. One global ranking of the normalised scores
// removes the least important groups until the GMACs budget is met, which redistributes widths
// across blocks. Training-free here: the paper prunes in steps with fine-tuning in between and
// distils afterwards (`vitprune finetune` recovers accuracy).
#include "methods/ranked_structural.h"

namespace vp {
namespace {

class NvitMethod : public RankedStructuralMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s = structuralSpec(
            "nvit", VP_TEXT("vp::Methods", "NViT (global Hessian-aware pruning)"),
            "Yang et al., Global Vision Transformer Pruning with Hessian-Aware Saliency, CVPR 2023",
            VP_TEXT("vp::Methods",
                    "Removes heads, query/key and value dims and MLP neurons ranked globally by squared Taylor "
                    "importance on calibration images, until the GMACs budget is met. One shot, no fine-tuning."),
            true);
        s.knobs.push_back({"embed",
                           VP_TEXT("vp::Methods", "Prune embedding dims"),
                           KnobType::Bool,
                           0,
                           1,
                           1,
                           "false",
                           {},
                           VP_TEXT("vp::Methods",
                                   "Also rank the embedding dims (shared by every block). The normalisation statistics "
                                   "then change, so without fine-tuning accuracy drops more.")});
        return s;
    }
    void configure(const KnobValues& values) override {
        RankedStructuralMethod::configure(values);
        m_embed = values.flag(spec(), "embed");
    }

protected:
    ImportanceSource source() const override { return ImportanceSource::TaylorSquared; }
    RankingUnits units() const override { return {true, true, true, true, m_embed}; }

private:
    bool m_embed = false;
};

}  // namespace

MethodPtr makeNvitMethod() { return std::make_unique<NvitMethod>(); }

}  // namespace vp
