#include "prune/soft_mask_search.h"

#include <c10/core/GradMode.h>
#include <c10/core/InferenceMode.h>

#include <cmath>

#include "common/error.h"
#include "prune/structure_plan.h"

namespace vp {
namespace {

struct BlockMasks {
    at::Tensor qk, v, neurons;  // [heads*d], [heads*dv], [hidden]; undefined qk/v without attention
    bool shared = false;        // qk is also the keys' and the values' mask (v undefined)
};

at::Tensor ones(int64_t n) { return at::ones({n}, at::TensorOptions().dtype(at::kFloat)).requires_grad_(true); }

std::vector<double> toVector(const at::Tensor& t) {
    const at::Tensor d = t.detach().abs().to(at::kDouble).contiguous();
    return std::vector<double>(d.data_ptr<double>(), d.data_ptr<double>() + d.numel());
}

// The model's weights with the masks multiplied in (autograd flows into the masks only).
ViTWeights masked(const ViTWeights& w, const std::vector<BlockMasks>& masks, const at::Tensor& embed) {
    ViTWeights out = w;
    if (embed.defined()) {
        out.patchW = w.patchW * embed.view({-1, 1, 1, 1});
        if (w.patchB.defined()) out.patchB = w.patchB * embed;
        out.clsToken = w.clsToken * embed;
        if (w.distToken.defined()) out.distToken = w.distToken * embed;
        out.posEmbed = w.posEmbed * embed;
    }
    for (size_t l = 0; l < w.blocks.size(); ++l) {
        const BlockWeights& b = w.blocks[l];
        BlockWeights& o = out.blocks[l];
        const BlockMasks& m = masks[l];
        o.fc2W = b.fc2W * m.neurons.view({1, -1});
        if (!m.qk.defined()) continue;
        const at::Tensor rows = m.shared ? at::cat({m.qk, m.qk, m.qk})  // one mask per head dim on q, k and v
                                         : at::cat({m.qk, at::ones({b.qkWidth()}, m.qk.options()), m.v});  // q, v
        o.qkvW = b.qkvW * rows.view({-1, 1});
        if (b.qkvB.defined()) o.qkvB = b.qkvB * rows;
    }
    return out;
}

at::Tensor meanAbs(const std::vector<at::Tensor>& parts) {
    std::vector<at::Tensor> flat;
    for (const at::Tensor& p : parts)
        if (p.defined()) flat.push_back(p);
    return flat.empty() ? at::zeros({}) : at::cat(flat).abs().mean();
}

}  // namespace

UnitScores softMaskScores(const ViTModel& model, const std::vector<at::Tensor>& batches, const MaskSearchOptions& o) {
    requirePlainBlocks(model, "ViT-Slim's mask search");
    std::vector<at::Tensor> images;
    for (const at::Tensor& b : batches)
        if (b.defined() && b.size(0) > 0) images.push_back(b);
    if (images.empty())
        throw Error("ViT-Slim's mask search needs calibration images and the calibration set has zero images");
    if (o.steps < 1) throw Error("ViT-Slim's mask search needs at least one step");

    c10::InferenceMode off(false);
    c10::AutoGradMode grad(true);
    // Frozen float copies (inference tensors cannot enter autograd) and the unmasked targets.
    ViTWeights frozen = model.weights();
    for (at::Tensor* t : frozen.all()) *t = t->detach().clone().to(at::kFloat);
    const ViTModel reference(model.config(), frozen);
    std::vector<at::Tensor> inputs, targets;
    {
        c10::AutoGradMode noGrad(false);
        for (const at::Tensor& b : images) {
            inputs.push_back(b.detach().clone().to(reference.device(), at::kFloat));
            targets.push_back(at::log_softmax(reference.forward(inputs.back()), 1));
        }
    }

    std::vector<BlockMasks> masks;
    std::vector<at::Tensor> params;
    std::vector<at::Tensor> qkParts, vParts, neuronParts;
    for (const BlockWeights& b : frozen.blocks) {
        BlockMasks m;
        m.neurons = ones(b.mlpHidden());
        params.push_back(m.neurons);
        neuronParts.push_back(m.neurons);
        if (!b.attentionRemoved) {
            m.shared = o.sharedHeadDims && b.valueDim() == b.headDim;
            m.qk = ones(b.qkWidth());
            params.push_back(m.qk);
            qkParts.push_back(m.qk);
            if (!m.shared) {
                m.v = ones(b.attnDim());
                params.push_back(m.v);
                vParts.push_back(m.v);
            }
        }
        masks.push_back(m);
    }
    at::Tensor embed;
    if (o.embed) {
        embed = ones(model.config().embedDim);
        params.push_back(embed);
    }

    // Adam on the masks.
    std::vector<at::Tensor> m1, m2;
    for (const at::Tensor& p : params) {
        m1.push_back(at::zeros_like(p).detach());
        m2.push_back(at::zeros_like(p).detach());
    }
    const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    for (int step = 0; step < o.steps; ++step) {
        const size_t i = static_cast<size_t>(step) % inputs.size();
        const ViTModel student(model.config(), masked(frozen, masks, embed));
        const at::Tensor logp = at::log_softmax(student.forward(inputs[i]), 1);
        const at::Tensor kl = (targets[i].exp() * (targets[i] - logp)).sum(1).mean();
        at::Tensor l1 = meanAbs(qkParts) + meanAbs(vParts) + meanAbs(neuronParts);
        if (embed.defined()) l1 = l1 + embed.abs().mean();
        const at::Tensor loss = kl + o.sparsity * l1;
        for (at::Tensor& p : params)
            if (p.grad().defined()) p.grad().zero_();
        loss.backward();
        c10::AutoGradMode noGrad(false);
        const double c1 = 1 - std::pow(beta1, step + 1), c2 = 1 - std::pow(beta2, step + 1);
        for (size_t k = 0; k < params.size(); ++k) {
            const at::Tensor g = params[k].grad();
            if (!g.defined()) continue;
            m1[k].mul_(beta1).add_(g, 1 - beta1);
            m2[k].mul_(beta2).addcmul_(g, g, 1 - beta2);
            params[k].sub_(o.lr * (m1[k] / c1) / ((m2[k] / c2).sqrt() + eps));
            // Projected onto masks >= 0: only the magnitude ranks a unit, and a mask pushed past zero
            // by the L1 term would otherwise oscillate around it by about lr, so that units the output
            // does not need would end anywhere in [0, lr) and out-rank ones it barely needs.
            params[k].clamp_min_(0);
        }
    }

    UnitScores s;
    for (size_t l = 0; l < masks.size(); ++l) {
        const BlockWeights& b = frozen.blocks[l];
        s.neurons.push_back(toVector(masks[l].neurons));
        if (!masks[l].qk.defined()) {
            s.qkDims.emplace_back();
            s.vDims.emplace_back();
            s.heads.emplace_back();
            continue;
        }
        const at::Tensor& v = masks[l].shared ? masks[l].qk : masks[l].v;
        s.qkDims.push_back(toVector(masks[l].qk));
        s.vDims.push_back(toVector(v));
        const at::Tensor heads =
            masks[l].qk.detach().abs().view({b.heads, -1}).sum(1) + v.detach().abs().view({b.heads, -1}).sum(1);
        s.heads.push_back(toVector(heads));
    }
    s.embed = embed.defined() ? toVector(embed) : std::vector<double>(model.config().embedDim, 1.0);
    return s;
}

}  // namespace vp
