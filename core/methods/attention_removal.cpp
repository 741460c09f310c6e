// Attention-layer removal — Lin et al., "MLP Can Be a Good Transformer Learner", CVPR 2024
// (official code: sihaoevery/lambda_vit). Attention layers are ranked by the entropy of their
// output on calibration images (low entropy: the layer adds little information) and the lowest
// `count` are removed. The paper trains the removed layers away with a dilution schedule
// x = (2 - λ)·x + λ·Attn(LN(x)), λ → 0, so at inference a removed sub-block computes x ← 2·x
// (not an identity) and the block's MLP follows. Entropy is estimated as the paper does, from a
// Gaussian fit per channel (prune/unit_importance.h). `layers` names the removed layers by hand
// (the layer strip's toggles) and then replaces the ranking. Training-free here: without the
// dilution training the removed layers' contribution is simply gone.
#include <algorithm>
#include <numeric>
#include <sstream>

#include "common/error.h"
#include "methods/builtin_methods.h"
#include "prune/first_images.h"
#include "prune/structure_plan.h"
#include "prune/unit_importance.h"

namespace vp {
namespace {

class AttentionRemovalMethod : public PruneMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "attn-removal";
        s.name = VP_TEXT("vp::Methods", "Attention-layer removal");
        s.paper = "Lin et al., MLP Can Be a Good Transformer Learner, CVPR 2024";
        s.family = "structural";
        s.help = VP_TEXT("vp::Methods",
                         "Removes the attention sub-blocks whose output has the lowest entropy on calibration images; "
                         "a removed sub-block computes x = 2x and its MLP still runs. No dilution training.");
        s.mainKnob = "count";
        s.mainKnobIncreasesCost = false;
        s.knobs = {
            {"count",
             VP_TEXT("vp::Methods", "Attention layers removed"),
             KnobType::Integer,
             0,
             256,
             1,
             "3",
             {},
             VP_TEXT("vp::Methods", "How many attention sub-blocks to remove, lowest output entropy first.")},
            {"layers",
             VP_TEXT("vp::Methods", "Removed layers"),
             KnobType::IntList,
             0,
             255,
             1,
             "",
             {},
             VP_TEXT("vp::Methods",
                     "0-based blocks whose attention is removed, comma-separated; replaces the count and the ranking "
                     "when set. Empty: not used.")},
            {"calib",
             VP_TEXT("vp::Methods", "Calibration images"),
             KnobType::Integer,
             1,
             60000,
             1,
             "64",
             {},
             VP_TEXT("vp::Methods", "Images whose attention outputs rank the layers by entropy.")},
        };
        s.requirements.blockKnobs = {"layers"};
        return s;
    }

    void configure(const KnobValues& v) override {
        const MethodSpec s = spec();
        m_count = v.integer(s, "count");
        m_layers = v.intList(s, "layers");
        const int calib = v.integer(s, "calib");
        if (calib != m_calib) m_entropy.clear();
        m_calib = calib;
    }

    // Hand-picked layers need no ranking and so no images.
    int calibrationImages() const override { return m_layers.empty() && m_count > 0 ? m_calib : 0; }

    void calibrate(const ViTModel& model, const std::vector<at::Tensor>& batches) override {
        m_entropy = attentionOutputEntropy(model, firstImages(batches, m_calib));
    }

    // The blocks whose attention goes, for `model`.
    std::vector<int> removedLayers(const ViTModel& model) const {
        const auto& blocks = model.weights().blocks;
        const int depth = static_cast<int>(blocks.size());
        std::vector<int> out;
        if (!m_layers.empty()) {
            for (int l : m_layers) {
                if (l < 0 || l >= depth)
                    throw Error("attn-removal: layer " + std::to_string(l) + " is not a block of this model (0-" +
                                std::to_string(depth - 1) + ")");
                out.push_back(l);
            }
        } else if (m_count > 0) {
            std::vector<int> candidates;
            for (int l = 0; l < depth; ++l)
                if (!blocks[l].attentionRemoved) candidates.push_back(l);
            if (m_count > static_cast<int>(candidates.size()))
                throw Error("attn-removal: cannot remove " + std::to_string(m_count) +
                            " attention layers, the model has " + std::to_string(candidates.size()));
            if (m_entropy.size() != blocks.size())
                throw Error(
                    "attn-removal: needs calibration images to rank the layers and the calibration set has "
                    "zero images");
            std::stable_sort(candidates.begin(), candidates.end(),
                             [&](int a, int b) { return m_entropy[a] < m_entropy[b]; });
            out.assign(candidates.begin(), candidates.begin() + m_count);
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

    std::optional<ViTModel> patchModel(const ViTModel& model) const override {
        const std::vector<int> removed = removedLayers(model);
        KeepPlan plan = keepEverything(model);
        std::ostringstream by;
        by << "attn-removal layers=";
        for (size_t i = 0; i < removed.size(); ++i) {
            plan.blocks[removed[i]].attention = false;
            by << (i ? "," : "") << removed[i];
        }
        return applyPlan(model, plan, by.str());
    }

private:
    int m_count = 3, m_calib = 64;
    std::vector<int> m_layers;
    std::vector<double> m_entropy;
};

}  // namespace

MethodPtr makeAttentionRemovalMethod() { return std::make_unique<AttentionRemovalMethod>(); }

}  // namespace vp
