// SPViT — He et al., "Pruning Self-attentions into Convolutional Layers in Single Path", 2022
// (official code ziplab/SPViT). Every MSA layer can become a weight-shared 3x3 or 1x1 convolution
// or be skipped; SPViT learns the choice per layer with binary gates under a FLOPs target and then
// fine-tunes. Training-free here: the convolutions are built from the layer's value projection
// and calibrated attention, their output map fitted to the MSA's output (prune/conv_stand_in.h);
// the choice is greedy under the GMACs budget, cheapest loss first: each (layer, choice) is
// measured once as the KL divergence of the logits from the unpruned model's on calibration images
// with that layer alone replaced, and the move with the least added KL per MAC saved is taken until
// the budget is met. `conv3`, `conv1` and `skip` pick layers by hand and then replace the search.
// An approximation of SPViT's trained result; SPViT also prunes MLP neurons (not here: apply nvit
// or vtp first). A skipped layer is the identity, as in SPViT's search.
#include <c10/core/InferenceMode.h>

#include <array>
#include <functional>
#include <iomanip>
#include <map>
#include <mutex>
#include <sstream>

#include "common/error.h"
#include "methods/builtin_methods.h"
#include "methods/ranked_structural.h"
#include "prune/conv_stand_in.h"
#include "prune/first_images.h"
#include "prune/flops.h"
#include "prune/structure_plan.h"
#include "prune/unit_importance.h"

namespace vp {
namespace {

// A layer's options, cheapest last.
enum Choice { Msa = 0, Conv3 = 1, Conv1 = 2, Skip = 3 };
constexpr int kChoices = 4;
const char* const kChoiceNames[kChoices] = {"msa", "conv3", "conv1", "skip"};
constexpr int kSensitivityImages = 32;

using Fits = std::vector<BlockConvStandIns>;
using ChoiceKl = std::vector<std::array<double, kChoices>>;  // per block: logits' KL with that choice alone

// Block b's attention as `choice` (Msa: unchanged).
void applyChoice(BlockWeights& b, const BlockConvStandIns& fits, Choice choice) {
    if (choice == Skip) replaceAttention(b, StandIn::Identity);
    if (choice == Conv3 || choice == Conv1) replaceAttention(b, StandIn::Conv, &fits[choice == Conv1 ? 0 : 1]);
}

double meanKl(const at::Tensor& referenceLogp, const at::Tensor& logits) {
    const at::Tensor logp = at::log_softmax(logits.to(at::kDouble), 1);
    return (referenceLogp.exp() * (referenceLogp - logp)).sum(1).mean().item<double>();
}

// What the budget search needs: each (layer, choice) measured on its own.
ChoiceKl measureKl(const ViTModel& model, const std::vector<at::Tensor>& batches, const Fits& fits) {
    c10::InferenceMode guard;
    const std::vector<at::Tensor> probe = firstImages(batches, kSensitivityImages);
    std::vector<at::Tensor> reference;
    for (const at::Tensor& b : probe) reference.push_back(at::log_softmax(model.forward(b).to(at::kDouble), 1));
    const auto& blocks = model.weights().blocks;
    ChoiceKl out(blocks.size(), {0, 0, 0, 0});
    for (size_t l = 0; l < blocks.size(); ++l) {
        if (blocks[l].attentionRemoved) continue;
        for (Choice c : {Conv3, Conv1, Skip}) {
            ViTModel variant = model;
            applyChoice(variant.weights().blocks[l], fits[l], c);
            double kl = 0, images = 0;
            for (size_t i = 0; i < probe.size(); ++i) {
                kl += meanKl(reference[i], variant.forward(probe[i])) * static_cast<double>(probe[i].size(0));
                images += static_cast<double>(probe[i].size(0));
            }
            out[l][c] = kl / images;
        }
    }
    return out;
}

// The last few results by model weights and images (calibrationKey): a budget slider re-plans,
// and a hand-picked layer list re-applies, without new forwards.
template <class T>
T remembered(const ViTModel& model, const std::string& tag, const std::vector<at::Tensor>& batches,
             const std::function<T()>& compute) {
    static std::mutex mutex;
    static std::map<std::string, T> cache;
    const std::string key = calibrationKey(model, tag, batches);
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (auto it = cache.find(key); it != cache.end()) return it->second;
    }
    T value = compute();
    std::lock_guard<std::mutex> lock(mutex);
    if (cache.size() >= 4) cache.erase(cache.begin());
    cache[key] = value;
    return value;
}

// MACs of block l's attention under each choice (full token count).
std::array<double, kChoices> choiceMacs(const ViTModel& model, int l, const Fits& fits) {
    const ViTConfig& c = model.config();
    const double N = c.numPatches() + c.numPrefixTokens();
    BlockDims dims = dimsOf(widthOf(model.weights().blocks[l]));
    dims.mlpHidden = 0;  // the MLP costs the same under every choice
    dims.prefixTokens = c.numPrefixTokens();
    std::array<double, kChoices> out{};
    out[Msa] = blockMacs(c.embedDim, dims, N, N);
    for (Choice ch : {Conv3, Conv1}) {
        BlockDims conv = dims;
        conv.attention = false;
        conv.convKernel = ch == Conv3 ? 3 : 1;
        conv.convDim = static_cast<int>(fits[l][ch == Conv1 ? 0 : 1].convW.size(0));
        out[ch] = blockMacs(c.embedDim, conv, N, N);
    }
    out[Skip] = 0;
    return out;
}

class SpvitMethod : public PruneMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "spvit";
        s.name = VP_TEXT("vp::Methods", "SPViT (attention to convolution)");
        s.paper = "He et al., Pruning Self-attentions into Convolutional Layers in Single Path, 2022";
        s.family = "structural";
        s.help = VP_TEXT("vp::Methods",
                         "Turns attention layers into weight-shared 3x3 or 1x1 convolutions, or skips them, choosing "
                         "per layer the least harmful option until the GMACs budget is met. Untrained approximation: "
                         "convolutions come from the value projections, fitted on calibration images.");
        s.mainKnob = "budget";
        auto layers = [](const std::string& id, const std::string& label, const std::string& help) {
            return Knob{id, label, KnobType::IntList, 0, 255, 1, "", {}, help};
        };
        Knob budget = RankedStructuralMethod::sharedKnobs(false, "0.9").front();
        budget.help =
            VP_TEXT("vp::Methods",
                    "Fraction of the model's dense GMACs the pruned model may cost; below what skipping every "
                    "attention layer costs, every layer is skipped.");
        s.knobs = {
            budget,
            layers("conv3", VP_TEXT("vp::Methods", "3x3 conv layers"),
                   VP_TEXT("vp::Methods",
                           "0-based blocks whose attention becomes a 3x3 convolution; with conv1 and skip it replaces "
                           "the budget search when any is set.")),
            layers("conv1", VP_TEXT("vp::Methods", "1x1 conv layers"),
                   VP_TEXT("vp::Methods", "0-based blocks whose attention becomes a 1x1 convolution.")),
            layers("skip", VP_TEXT("vp::Methods", "Skipped layers"),
                   VP_TEXT("vp::Methods", "0-based blocks whose attention is skipped (x = x).")),
            {"calib",
             VP_TEXT("vp::Methods", "Calibration images"),
             KnobType::Integer,
             1,
             60000,
             1,
             "64",
             {},
             VP_TEXT("vp::Methods",
                     "Images that fit the convolutions to the attention outputs and measure each choice's harm.")},
        };
        s.requirements.blockKnobs = {"conv3", "conv1", "skip"};
        return s;
    }

    void configure(const KnobValues& v) override {
        const MethodSpec s = spec();
        m_budget = v.number(s, "budget");
        m_manual[Msa].clear();
        m_manual[Conv3] = v.intList(s, "conv3");
        m_manual[Conv1] = v.intList(s, "conv1");
        m_manual[Skip] = v.intList(s, "skip");
        m_calib = v.integer(s, "calib");
    }

    int calibrationImages() const override { return m_calib; }

    // The fits only: the KL of each choice is measured when the budget search first needs it.
    void calibrate(const ViTModel& model, const std::vector<at::Tensor>& batches) override {
        m_batches = firstImages(batches, m_calib);
        m_fits =
            remembered<Fits>(model, "spvit conv fits v1", m_batches, [&] { return fitConvStandIns(model, m_batches); });
    }

    std::optional<ViTModel> patchModel(const ViTModel& model) const override {
        const int depth = static_cast<int>(model.weights().blocks.size());
        if (m_fits.size() != static_cast<size_t>(depth))
            throw Error(
                "spvit: needs calibration images to fit the convolutions and the calibration set has zero "
                "images");
        const bool manual = !m_manual[Conv3].empty() || !m_manual[Conv1].empty() || !m_manual[Skip].empty();
        const std::vector<Choice> choice = manual ? manualChoices(model) : searched(model);
        ViTModel out = model;
        std::ostringstream by;
        by << "spvit ";
        if (!manual) by << "budget=" << std::setprecision(3) << m_budget << " ";
        by << "(";
        bool first = true;
        for (int ch : {Conv3, Conv1, Skip}) {
            std::vector<int> at;
            for (int l = 0; l < depth; ++l)
                if (choice[l] == ch) at.push_back(l);
            if (at.empty()) continue;
            by << (first ? "" : "; ") << kChoiceNames[ch] << ":";
            for (size_t i = 0; i < at.size(); ++i) by << (i ? "," : "") << at[i];
            first = false;
        }
        by << (first ? "every attention kept)" : ")");
        for (int l = 0; l < depth; ++l) applyChoice(out.weights().blocks[l], m_fits[l], choice[l]);
        return withRecordedWidths(std::move(out), by.str());
    }

private:
    std::vector<Choice> manualChoices(const ViTModel& model) const {
        const auto& blocks = model.weights().blocks;
        const int depth = static_cast<int>(blocks.size());
        std::vector<Choice> out(depth, Msa);
        for (int ch : {Conv3, Conv1, Skip})
            for (int l : m_manual[ch]) {
                if (l < 0 || l >= depth)
                    throw Error("spvit: layer " + std::to_string(l) + " is not a block of this model (0-" +
                                std::to_string(depth - 1) + ")");
                if (out[l] != Msa && out[l] != ch)
                    throw Error("spvit: block " + std::to_string(l) + " is named for both " + kChoiceNames[out[l]] +
                                " and " + kChoiceNames[ch]);
                if (blocks[l].attentionRemoved)
                    throw Error("spvit: block " + std::to_string(l) + " has no attention left to replace");
                out[l] = static_cast<Choice>(ch);
            }
        return out;
    }

    // Greedy: from every layer on MSA, take the downgrade with the least added KL per MAC saved
    // until the model fits the budget (or nothing is left to downgrade).
    std::vector<Choice> searched(const ViTModel& model) const {
        const auto& blocks = model.weights().blocks;
        const int depth = static_cast<int>(blocks.size());
        std::vector<Choice> out(depth, Msa);
        const ChoiceKl kl = remembered<ChoiceKl>(model, "spvit choice kl v1", m_batches,
                                                 [&] { return measureKl(model, m_batches, m_fits); });
        std::vector<std::array<double, kChoices>> macs(depth);
        double total = denseMacs(model);
        for (int l = 0; l < depth; ++l)
            if (!blocks[l].attentionRemoved) macs[l] = choiceMacs(model, l, m_fits);
        const double target = m_budget * total;
        while (total > target) {
            int bestLayer = -1;
            Choice bestChoice = Msa;
            double bestRate = 0;
            for (int l = 0; l < depth; ++l) {
                if (blocks[l].attentionRemoved) continue;
                for (int ch = out[l] + 1; ch < kChoices; ++ch) {
                    const double saved = macs[l][out[l]] - macs[l][ch];
                    if (saved <= 0) continue;
                    const double rate = (kl[l][ch] - kl[l][out[l]]) / saved;
                    if (bestLayer < 0 || rate < bestRate) {
                        bestLayer = l, bestChoice = static_cast<Choice>(ch), bestRate = rate;
                    }
                }
            }
            if (bestLayer < 0) break;
            total -= macs[bestLayer][out[bestLayer]] - macs[bestLayer][bestChoice];
            out[bestLayer] = bestChoice;
        }
        return out;
    }

    double m_budget = 0.9;
    int m_calib = 64;
    std::array<std::vector<int>, kChoices> m_manual;
    std::vector<at::Tensor> m_batches;
    Fits m_fits;
};

}  // namespace

MethodPtr makeSpvitMethod() { return std::make_unique<SpvitMethod>(); }

}  // namespace vp
