// hMHSA + cFFN — Xu et al., "Vision Transformer with Attention Map Hallucination and FFN
// Compaction", arXiv 2306.10875 (no public code). hMHSA computes only some heads' attention maps
// and "hallucinates" the others from them by cheap linear combinations; cFFN factorises the MLP's
// output projection (hidden -> C) into two low-rank factors of rank t·D (the paper: t = 2/3,
// trained with a reparameterisation, then merged). Training-free here, as the spec asks: cFFN is
// the truncated SVD of fc2 at rank t·D, hMHSA the least-squares fit of the hallucinated maps from
// the computed ones on calibration images (prune/map_hallucination.h). A hallucinated head keeps
// its values and output projection, and drops its queries and keys. Without the paper's training
// a fixed half per block costs much accuracy, so the share is of all heads: one head at a time,
// to the block with the fewest hallucinated heads whose next head adds the least residual.
#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "common/error.h"
#include "methods/builtin_methods.h"
#include "prune/first_images.h"
#include "prune/map_hallucination.h"
#include "prune/structure_plan.h"

namespace vp {
namespace {

at::Tensor rowsOf(const at::Tensor& t, const std::vector<int64_t>& rows) {
    return t.defined() ? t.index_select(0, at::tensor(rows, at::TensorOptions().dtype(at::kLong)).to(t.device())) : t;
}

// Queries and keys of the computed heads only; values (and projection columns) of every head,
// computed heads first.
void hallucinateHeads(BlockWeights& b, const HallucinationFit& fit) {
    const int64_t d = b.headDim, dv = b.valueDim(), H = b.heads;
    std::vector<int64_t> rows, valueCols;
    for (int64_t part = 0; part < 2; ++part)  // queries, keys
        for (int h : fit.computed)
            for (int64_t j = 0; j < d; ++j) rows.push_back(part * H * d + h * d + j);
    std::vector<int> order = fit.computed;
    order.insert(order.end(), fit.hallucinated.begin(), fit.hallucinated.end());
    for (int h : order)
        for (int64_t j = 0; j < dv; ++j) {
            rows.push_back(2 * H * d + h * dv + j);
            valueCols.push_back(h * dv + j);
        }
    b.qkvW = rowsOf(b.qkvW, rows).contiguous();
    b.qkvB = rowsOf(b.qkvB, rows);
    b.projW = rowsOf(b.projW.t(), valueCols).t().contiguous();
    b.hallucinateW = fit.mix.to(b.qkvW.device(), b.qkvW.scalar_type());
    b.mapHeads = static_cast<int>(fit.computed.size());
}

// fc2 [C, H] = U S V^T cut to rank r: fc2_in = V_r^T [r, H], fc2 = U_r S_r [C, r].
void factoriseFc2(BlockWeights& b, int rank) {
    const at::Tensor w = b.fc2W.to(at::kDouble);
    auto [u, s, vh] = at::linalg_svd(w, false);
    const int64_t r = std::min<int64_t>(rank, s.size(0));
    b.fc2InW = vh.narrow(0, 0, r).to(b.fc2W.scalar_type()).contiguous();
    b.fc2W = (u.narrow(1, 0, r) * s.narrow(0, 0, r)).to(b.fc2W.scalar_type()).contiguous();
}

class HmhsaCffnMethod : public PruneMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "hmhsa-cffn";
        s.name = VP_TEXT("vp::Methods", "hMHSA + cFFN");
        s.paper = "Xu et al., Vision Transformer with Attention Map Hallucination and FFN Compaction, arXiv 2023";
        s.family = "structural";
        s.help = VP_TEXT("vp::Methods",
                         "Computes only some heads' attention maps and mixes the others from them (least squares on "
                         "calibration images), and factorises each MLP's output projection by truncated SVD. "
                         "Training-free approximation of the paper's trained blocks.");
        s.mainKnob = "rank";
        s.knobs = {
            {"rank",
             VP_TEXT("vp::Methods", "cFFN rank (share of D)"),
             KnobType::Number,
             0.01,
             1,
             0.01,
             "0.667",
             {},
             VP_TEXT("vp::Methods",
                     "Rank of each factorised MLP output projection as a share t of the embedding dim D (the paper: "
                     "2/3). 1 keeps full rank (exact, but costlier than one matrix).")},
            {"hallucinated",
             VP_TEXT("vp::Methods", "Hallucinated heads (share)"),
             KnobType::Number,
             0,
             0.9,
             0.05,
             "0.1",
             {},
             VP_TEXT("vp::Methods",
                     "Share of all heads whose attention map is mixed from the computed maps instead of computed, "
                     "spread over the blocks, best-fitted maps first (the paper: half of every block's).")},
            {"calib",
             VP_TEXT("vp::Methods", "Calibration images"),
             KnobType::Integer,
             1,
             60000,
             1,
             "64",
             {},
             VP_TEXT("vp::Methods", "Images the hallucinated maps are fitted on.")},
        };
        return s;
    }

    void configure(const KnobValues& v) override {
        const MethodSpec s = spec();
        m_rank = v.number(s, "rank");
        m_share = v.number(s, "hallucinated");
        const int calib = v.integer(s, "calib");
        if (calib != m_calib) m_gram.clear();
        m_calib = calib;
    }

    int calibrationImages() const override { return m_share > 0 ? m_calib : 0; }

    void calibrate(const ViTModel& model, const std::vector<at::Tensor>& batches) override {
        m_gram = attentionMapGram(model, firstImages(batches, m_calib));
    }

    // Hallucinated heads per block: `share` of all heads, each next one to a block with the fewest
    // so far, where it adds the least relative residual (each block's greedy sequence is nested).
    std::vector<int> headsPerBlock(const ViTWeights& w) const {
        std::vector<int> counts(w.blocks.size(), 0);
        int total = 0;
        for (const BlockWeights& b : w.blocks) total += b.attentionRemoved ? 0 : b.heads;
        int wanted = static_cast<int>(std::floor(m_share * total + 1e-9));
        if (wanted == 0) return counts;
        std::vector<std::vector<double>> errors(w.blocks.size());  // [block][k]: residual with k hallucinated
        for (size_t l = 0; l < w.blocks.size(); ++l) {
            const BlockWeights& b = w.blocks[l];
            if (b.attentionRemoved) continue;
            if (l >= m_gram.size() || !m_gram[l].defined())
                throw Error(
                    "hmhsa-cffn: needs calibration images to fit the hallucinated maps and the calibration "
                    "set has zero images");
            errors[l].push_back(0);
            for (int k = 1; k < b.heads; ++k) errors[l].push_back(fitHallucination(m_gram[l], k).relativeError);
        }
        while (wanted-- > 0) {
            int best = -1;
            double bestCost = 0;
            for (size_t l = 0; l < errors.size(); ++l) {
                const int k = counts[l];
                if (k + 1 >= static_cast<int>(errors[l].size())) continue;  // one head must stay computed
                // Spread first (fewest hallucinated so far), then the least added residual: letting
                // the residual alone decide piled heads into a few blocks and cost more accuracy
                // (60.7% against 69.0% top-1 at a quarter of the default model's heads).
                const double cost = k * 1e6 + errors[l][k + 1] - errors[l][k];
                if (best < 0 || cost < bestCost) best = static_cast<int>(l), bestCost = cost;
            }
            if (best < 0) break;
            ++counts[best];
        }
        return counts;
    }

    std::optional<ViTModel> patchModel(const ViTModel& model) const override {
        ViTConfig config = model.config();
        ViTWeights w = model.weights();
        for (size_t l = 0; l < w.blocks.size(); ++l)
            if (w.blocks[l].mapCount() < w.blocks[l].heads || w.blocks[l].fc2InW.defined())
                throw Error("hmhsa-cffn: block " + std::to_string(l) +
                            " already has hallucinated heads or a factorised fc2");
        const std::vector<int> counts = headsPerBlock(w);
        const int rank = std::max(1, static_cast<int>(std::lround(m_rank * config.embedDim)));
        std::ostringstream by;
        by << "hmhsa-cffn rank=" << m_rank << " hallucinated=" << m_share;
        c10::InferenceMode guard;
        for (size_t l = 0; l < w.blocks.size(); ++l) {
            BlockWeights& b = w.blocks[l];
            if (counts[l] > 0) hallucinateHeads(b, fitHallucination(m_gram[l], counts[l]));
            factoriseFc2(b, rank);
        }
        ViTModel out(config, std::move(w));
        out.setOrigin(model.origin());
        out.setFamily(model.family());
        return withRecordedWidths(std::move(out), by.str());
    }

private:
    double m_rank = 0.667, m_share = 0.1;
    int m_calib = 64;
    std::vector<at::Tensor> m_gram;
};

}  // namespace

MethodPtr makeHmhsaCffnMethod() { return std::make_unique<HmhsaCffnMethod>(); }

}  // namespace vp
