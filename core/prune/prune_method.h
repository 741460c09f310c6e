#pragma once
// The interface every pruning method implements (see docs/architecture.md, data flow).
// Token methods act through the per-block hooks; structural methods through patchModel().
#include <memory>
#include <optional>
#include <vector>

#include "prune/attn_context.h"
#include "prune/knob.h"
#include "prune/token_state.h"

namespace vp {

class ViTModel;
class LearnedParts;

// What a method's own block computed, per sample: the tokens that went through the attention's
// projections and through the MLP, and the block's MACs in the fvcore convention (prune/flops.h).
struct BlockWork {
    std::vector<int> attnTokens, mlpTokens;
    std::vector<double> macs;
};

class PruneMethod {
public:
    virtual ~PruneMethod() = default;
    virtual MethodSpec spec() const = 0;

    // Validates and stores knob values. Throws vp::Error with the knob's id on bad values.
    virtual void configure(const KnobValues& values) = 0;

    // Called once per model before forwards; throws vp::Error if the method cannot apply.
    virtual void prepare(const ViTModel&) {}

    // Methods that decide from a calibration set (Patch Slimming's static masks): how many images
    // they want, and the call that hands them over as preprocessed batches [B, C, H, W] (the
    // method uses at most calibrationImages() of them). 0 = no calibration needed.
    virtual int calibrationImages() const { return 0; }
    virtual void calibrate(const ViTModel&, const std::vector<at::Tensor>& /*batches*/) {}

    // Per forward.
    virtual void begin(TokenState&) {}
    virtual AttnNeeds needs(int /*layer*/) const { return {}; }
    virtual void beforeBlock(int /*layer*/, TokenState&) {}
    // After the attention residual, before the MLP: drop / merge / fuse tokens.
    virtual void reduce(int /*layer*/, const AttnContext&, TokenState&) {}
    virtual void afterBlock(int /*layer*/, TokenState&) {}
    // After the last block, before the final norm (e.g. re-join placeholder tokens).
    virtual void finish(TokenState&) {}
    // MACs of the method's own learned parts for one sample (predictors, gates).
    virtual double extraMacsPerSample(const ViTModel&) const { return 0; }
    // The same per sample of the forward that just ran, for parts whose work depends on the image
    // (IA-RED²'s interpreters see each image's surviving tokens). Default: extraMacsPerSample.
    virtual std::vector<double> extraMacsOfLastForward(const ViTModel& model, int batch) const {
        return std::vector<double>(static_cast<size_t>(batch), extraMacsPerSample(model));
    }

    // Methods with a per-block schedule knob (MethodSpec::scheduleKnob): the value each block uses
    // under the current knobs, in that knob's units, one per block of the prepared model (so the
    // studio can show, and start editing from, the effective schedule). Empty otherwise.
    virtual std::vector<double> blockSchedule() const { return {}; }

    // Methods with trained parts (prune/learned_parts.h: init, training recipe and loss) return
    // them here; training-free methods return null.
    virtual LearnedParts* learnedParts() { return nullptr; }

    // Structural methods return a physically smaller model; token methods return nothing.
    virtual std::optional<ViTModel> patchModel(const ViTModel&) const;

    // Methods that compute a whole block their own way (the Eventful Transformer's gated,
    // incremental block, which keeps state from one video frame to the next) return true; the
    // model then calls runBlock instead of its own attention and MLP, and reduce() is not called.
    virtual bool replacesBlocks() const { return false; }
    // Runs block `layer` on state.x in place and says what it computed.
    virtual BlockWork runBlock(int /*layer*/, const ViTModel&, TokenState&) { return {}; }
    // Stateful (video) methods: forget what earlier forwards left, so the next one is computed
    // as a first frame. Stateless methods ignore it.
    virtual void resetStream() {}
};

using MethodPtr = std::unique_ptr<PruneMethod>;

}  // namespace vp
