// WDPruning — Yu et al., "Width & Depth Pruning for Vision Transformers", AAAI 2022. Width: heads
// and MLP neurons whose saliency falls under a threshold are masked away (the paper learns the
// saliency and the threshold; here first-order Taylor importance on calibration images ranks
// them globally under the GMACs budget). Depth: a linear classifier after every block, and the
// model is cut at the shallowest block whose classifier is good enough (prune/exit_probes.h:
// closed-form probes distilling the unpruned model; "good enough" = top-1 agreement with it on the
// calibration images at least `agreement`). `exit` sets the block by hand. Width is pruned on
// the cut model until the budget, a fraction of the unpruned model's GMACs, is met.
#include <iomanip>
#include <sstream>

#include "common/error.h"
#include "methods/ranked_structural.h"
#include "prune/exit_probes.h"
#include "prune/first_images.h"
#include "prune/flops.h"

namespace vp {
namespace {

class WdpruningMethod : public RankedStructuralMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s = structuralSpec(
            "wdpruning", VP_TEXT("vp::Methods", "WDPruning (width and depth)"),
            "Yu et al., Width & Depth Pruning for Vision Transformers, AAAI 2022",
            VP_TEXT("vp::Methods",
                    "Cuts the model after the shallowest block whose linear probe agrees with the full model often "
                    "enough, then removes heads and MLP neurons by Taylor importance until the GMACs budget is met."),
            true);
        s.knobs[1].defaultValue = "512";  // probes fit C + 1 parameters per class
        s.knobs.push_back({"exit",
                           VP_TEXT("vp::Methods", "Exit after block"),
                           KnobType::Integer,
                           0,
                           256,
                           1,
                           "0",
                           {},
                           VP_TEXT("vp::Methods",
                                   "Number of blocks kept (the probe after the last one becomes the head). 0: the "
                                   "shallowest block whose probe reaches the agreement.")});
        s.knobs.push_back({"agreement",
                           VP_TEXT("vp::Methods", "Probe agreement"),
                           KnobType::Number,
                           0.5,
                           1,
                           0.005,
                           "0.98",
                           {},
                           VP_TEXT("vp::Methods",
                                   "With exit 0: the share of calibration images on which a block's probe must predict "
                                   "what the full model predicts.")});
        return s;
    }
    void configure(const KnobValues& values) override {
        RankedStructuralMethod::configure(values);
        m_exit = values.integer(spec(), "exit");
        m_agreement = values.number(spec(), "agreement");
    }
    void calibrate(const ViTModel& model, const std::vector<at::Tensor>& batches) override {
        RankedStructuralMethod::calibrate(model, batches);
        m_probes = cachedExitProbes(model, m_batches);
    }

    std::optional<ViTModel> patchModel(const ViTModel& model) const override {
        const int depth = static_cast<int>(model.weights().blocks.size());
        if (m_probes.size() != static_cast<size_t>(depth))
            throw Error("wdpruning: needs calibration images and the calibration set has zero images");
        if (m_exit > depth)
            throw Error("wdpruning: exit after " + std::to_string(m_exit) + " blocks, the model has " +
                        std::to_string(depth));
        int blocks = m_exit;
        if (blocks == 0) {  // the shallowest good-enough probe; the full depth otherwise
            blocks = depth;
            for (int l = 0; l < depth; ++l)
                if (m_probes[l].agreement >= m_agreement) {
                    blocks = l + 1;
                    break;
                }
        }
        std::ostringstream by;
        by << "wdpruning budget=" << std::setprecision(3) << m_budget << " exit=" << blocks << " (probe agreement "
           << std::fixed << std::setprecision(1) << 100 * m_probes[blocks - 1].agreement << "%";
        const ViTModel cut = cutAtExit(model, blocks, m_probes[blocks - 1], "");
        const double target = m_budget * denseMacs(model);
        if (denseMacs(cut) <= target) {
            ViTModel out = cut;
            out.config().prunedBy = joined(model, by.str() + ")");
            return out;
        }
        const UnitScores scores = cachedUnitScores(cut, ImportanceSource::Taylor, m_batches);
        const KeepPlan plan = rankUnderBudget(cut, scores, target, {true, false, false, true, false}, "wdpruning");
        by << "; Taylor; " << planSummary(cut, plan) << ")";
        ViTModel out = applyPlan(cut, plan, "");
        out.config().prunedBy = joined(model, by.str());
        return out;
    }

protected:
    RankingUnits units() const override { return {true, false, false, true, false}; }

private:
    static std::string joined(const ViTModel& model, const std::string& by) {
        const std::string& before = model.config().prunedBy;
        return before.empty() ? by : before + "; " + by;
    }

    int m_exit = 0;
    double m_agreement = 0.98;
    std::vector<ExitProbe> m_probes;
};

}  // namespace

MethodPtr makeWdpruningMethod() { return std::make_unique<WdpruningMethod>(); }

}  // namespace vp
