#include "prune/unit_importance.h"

#include <c10/core/GradMode.h>
#include <c10/core/InferenceMode.h>

#include <cmath>
#include <limits>
#include <list>
#include <mutex>
#include <sstream>

#include "common/error.h"
#include "prune/attn_context.h"
#include "prune/block_walk.h"
#include "prune/structure_plan.h"
#include "prune/token_state.h"

namespace vp {

std::string importanceName(ImportanceSource source) {
    switch (source) {
        case ImportanceSource::Magnitude:
            return "L1 magnitude";
        case ImportanceSource::Taylor:
            return "first-order Taylor";
        case ImportanceSource::TaylorSquared:
            return "squared Taylor (Fisher)";
    }
    return "";
}

namespace {

std::vector<double> toVector(const at::Tensor& t) {
    at::Tensor d = t.detach().to(at::kCPU, at::kDouble).contiguous().view(-1);
    return std::vector<double>(d.data_ptr<double>(), d.data_ptr<double>() + d.numel());
}

// Rows or columns of `t` summed to one value per index along `dim` (the other dims reduced).
at::Tensor along(const at::Tensor& t, int64_t dim) {
    if (!t.defined()) return {};
    std::vector<int64_t> others;
    for (int64_t d = 0; d < t.dim(); ++d)
        if (d != dim) others.push_back(d);
    return others.empty() ? t.to(at::kDouble) : t.to(at::kDouble).sum(others);
}

at::Tensor plus(const at::Tensor& a, const at::Tensor& b) { return !a.defined() ? b : !b.defined() ? a : a + b; }

// Per-unit sums of `m`, a copy of the weights holding one quantity per weight element (|w|, w*g).
UnitScores groupSums(const ViTWeights& m) {
    UnitScores s;
    at::Tensor embed =
        plus(plus(along(m.patchW, 0), along(m.patchB, 0)), plus(along(m.clsToken, 2), along(m.posEmbed, 2)));
    embed = plus(embed, along(m.distToken, 2));
    for (const BlockWeights& b : m.blocks) {
        embed = plus(embed,
                     plus(plus(along(b.norm1W, 0), along(b.norm1B, 0)), plus(along(b.norm2W, 0), along(b.norm2B, 0))));
        embed = plus(embed, plus(plus(along(b.fc1W, 1), along(b.fc2W, 0)), along(b.fc2B, 0)));
        s.neurons.push_back(toVector(plus(plus(along(b.fc1W, 0), along(b.fc1B, 0)), along(b.fc2W, 1))));
        if (b.attentionRemoved || !b.qkvW.defined()) {
            s.qkDims.emplace_back();
            s.vDims.emplace_back();
            s.heads.emplace_back();
            continue;
        }
        embed = plus(embed, plus(plus(along(b.qkvW, 1), along(b.projW, 0)), along(b.projB, 0)));
        const int64_t H = b.heads, d = b.headDim, dv = b.valueDim();
        at::Tensor rows = plus(along(b.qkvW, 0), along(b.qkvB, 0));  // [2Hd + Hdv]
        at::Tensor qk = rows.narrow(0, 0, H * d) + rows.narrow(0, H * d, H * d);
        at::Tensor v = rows.narrow(0, 2 * H * d, H * dv) + along(b.projW, 1);
        s.qkDims.push_back(toVector(qk));
        s.vDims.push_back(toVector(v));
        s.heads.push_back(toVector(qk.view({H, d}).sum(1) + v.view({H, dv}).sum(1)));
    }
    embed = plus(embed, plus(along(m.normW, 0), along(m.normB, 0)));
    embed = plus(embed, plus(along(m.fcNormW, 0), along(m.fcNormB, 0)));
    embed = plus(embed, plus(along(m.headW, 1), along(m.headDistW, 1)));
    s.embed = toVector(embed);
    return s;
}

// A copy of `w` with each defined tensor replaced by f(tensor, index in all()).
template <typename F>
ViTWeights mapWeights(const ViTWeights& w, F&& f) {
    ViTWeights out = w;
    std::vector<at::Tensor*> slots = out.all();
    for (size_t i = 0; i < slots.size(); ++i) *slots[i] = f(*slots[i], i);
    return out;
}

void forEachScore(UnitScores& s, const std::function<void(std::vector<double>&)>& f) {
    for (auto* group : {&s.heads, &s.qkDims, &s.vDims, &s.neurons})
        for (std::vector<double>& v : *group) f(v);
    f(s.embed);
}

void accumulate(UnitScores& total, UnitScores add, bool squared, bool first) {
    if (first) {  // the same shape as every later batch's scores
        total = std::move(add);
        if (squared)
            forEachScore(total, [](std::vector<double>& v) {
                for (double& x : v) x *= x;
            });
        return;
    }
    std::vector<std::vector<double>*> into, from;
    forEachScore(total, [&](std::vector<double>& v) { into.push_back(&v); });
    forEachScore(add, [&](std::vector<double>& v) { from.push_back(&v); });
    for (size_t i = 0; i < into.size(); ++i) {
        for (size_t j = 0; j < from[i]->size(); ++j)
            (*into[i])[j] += squared ? (*from[i])[j] * (*from[i])[j] : (*from[i])[j];
    }
}

void checkBatches(const std::vector<at::Tensor>& batches, const std::string& what) {
    int64_t images = 0;
    for (const at::Tensor& b : batches) images += b.defined() ? b.size(0) : 0;
    if (images == 0) throw Error(what + " needs calibration images and the calibration set has zero images");
}

}  // namespace

UnitScores unitScores(const ViTModel& model, ImportanceSource source, const std::vector<at::Tensor>& batches) {
    requirePlainBlocks(model, importanceName(source) + " importance");
    if (source == ImportanceSource::Magnitude) {
        c10::InferenceMode guard;
        return groupSums(mapWeights(model.weights(), [](const at::Tensor& t, size_t) { return t.abs(); }));
    }
    checkBatches(batches, importanceName(source) + " importance");
    // Gradients need autograd even when the caller runs under InferenceMode: fresh leaf copies of
    // the weights and of the images (inference tensors cannot be saved for backward).
    c10::InferenceMode off(false);
    c10::AutoGradMode grad(true);
    ViTWeights leaves = mapWeights(model.weights(), [](const at::Tensor& t, size_t) {
        return t.detach().clone().to(at::kFloat).requires_grad_(true);
    });
    ViTModel copy(model.config(), leaves);
    UnitScores total;
    int count = 0;
    for (const at::Tensor& batch : batches) {
        if (!batch.defined() || batch.size(0) == 0) continue;
        at::Tensor x = batch.detach().clone().to(copy.device(), at::kFloat);
        at::Tensor logits = copy.forward(x);
        at::Tensor target = logits.detach().argmax(-1);
        at::Tensor loss = at::nll_loss(logits.log_softmax(-1), target);
        for (at::Tensor* t : copy.weights().all())
            if (t->grad().defined()) t->grad().zero_();
        loss.backward();
        const std::vector<at::Tensor*> slots = copy.weights().all();
        c10::AutoGradMode noGrad(false);
        UnitScores batchScores = groupSums(mapWeights(leaves, [&](const at::Tensor& w, size_t i) {
            const at::Tensor& g = slots[i]->grad();
            return g.defined() ? (w.detach() * g).to(at::kDouble) : at::zeros_like(w, at::kDouble);
        }));
        accumulate(total, std::move(batchScores), source == ImportanceSource::TaylorSquared, count == 0);
        ++count;
    }
    forEachScore(total, [&](std::vector<double>& v) {
        for (double& x : v) x = source == ImportanceSource::Taylor ? std::abs(x) : x / count;
    });
    return total;
}

std::string calibrationKey(const ViTModel& model, const std::string& tag, const std::vector<at::Tensor>& batches) {
    c10::InferenceMode guard;
    std::ostringstream k;
    const ViTWeights& w = model.weights();
    k << tag << '|' << model.origin() << '|' << w.patchW.data_ptr() << '|' << w.patchW.device() << '|'
      << w.blocks.size() << '|' << w.patchW.to(at::kDouble).sum().item<double>() << '|'
      << w.headW.to(at::kDouble).abs().sum().item<double>();
    for (const BlockWeights& b : w.blocks) k << '|' << b.fc1W.sizes() << b.heads;
    for (const at::Tensor& b : batches)
        if (b.defined()) k << '|' << b.sizes() << ':' << b.to(at::kDouble).sum().item<double>();
    return k.str();
}

UnitScores cachedUnitScores(const ViTModel& model, ImportanceSource source, const std::vector<at::Tensor>& batches) {
    return cachedScores(model, importanceName(source),
                        source == ImportanceSource::Magnitude ? std::vector<at::Tensor>{} : batches,
                        [&] { return unitScores(model, source, batches); });
}

UnitScores cachedScores(const ViTModel& model, const std::string& tag, const std::vector<at::Tensor>& batches,
                        const std::function<UnitScores()>& compute) {
    static std::mutex mutex;
    static std::list<std::pair<std::string, UnitScores>> recent;  // most recent first
    const std::string key = calibrationKey(model, tag, batches);
    {
        std::lock_guard<std::mutex> lock(mutex);
        for (auto it = recent.begin(); it != recent.end(); ++it)
            if (it->first == key) {
                recent.splice(recent.begin(), recent, it);
                return it->second;
            }
    }
    UnitScores scores = compute();
    std::lock_guard<std::mutex> lock(mutex);
    recent.emplace_front(key, scores);
    if (recent.size() > 4) recent.pop_back();
    return scores;
}

std::vector<double> attentionOutputEntropy(const ViTModel& model, const std::vector<at::Tensor>& batches) {
    checkBatches(batches, "attention-output entropy");
    c10::InferenceMode guard;
    const auto& blocks = model.weights().blocks;
    std::vector<at::Tensor> sum(blocks.size()), sumSq(blocks.size());
    double tokens = 0;
    for (const at::Tensor& batch : batches) {
        if (!batch.defined() || batch.size(0) == 0) continue;
        walkBlocks(model, batch, {}, [&](int l, const at::Tensor& a, const AttnContext&, const TokenState& after) {
            if (l == 0) tokens += static_cast<double>(after.x.size(0) * after.x.size(1));
            if (!a.defined()) return;
            const at::Tensor flat = a.reshape({-1, a.size(-1)}).to(at::kDouble);
            sum[l] = plus(sum[l], flat.sum(0));
            sumSq[l] = plus(sumSq[l], flat.pow(2).sum(0));
        });
    }
    std::vector<double> entropy;
    for (size_t l = 0; l < blocks.size(); ++l) {
        if (!sum[l].defined()) {
            entropy.push_back(std::numeric_limits<double>::infinity());
            continue;
        }
        at::Tensor mean = sum[l] / tokens;
        at::Tensor var = (sumSq[l] / tokens - mean * mean).clamp_min(1e-30);
        entropy.push_back((0.5 * (var * (2 * M_PI * M_E)).log()).mean().item<double>());
    }
    return entropy;
}

}  // namespace vp
