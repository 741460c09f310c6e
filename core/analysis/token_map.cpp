#include "analysis/token_map.h"

#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "common/error.h"
#include "model/vit_model.h"
#include "prune/registry.h"

namespace vp {
namespace {

constexpr int kComponents = 3;
constexpr double kLowQuantile = 0.02, kHighQuantile = 0.98;

// PCA of the rows of `x` [P, C] (float64): top components of the covariance, sign fixed so each
// component's largest-|loading| entry is positive (eigenvectors are only defined up to sign).
TokenPca fitLayer(const at::Tensor& x) {
    const int64_t P = x.size(0), C = x.size(1);
    TokenPca pca;
    pca.mean = x.mean(0);
    const at::Tensor centred = x - pca.mean;
    const at::Tensor cov = centred.t().mm(centred) / static_cast<double>(std::max<int64_t>(P - 1, 1));
    const at::Tensor vectors = std::get<1>(at::linalg_eigh(cov));  // columns, ascending eigenvalues
    const int64_t k = std::min<int64_t>(kComponents, C);
    at::Tensor comps = at::zeros({C, kComponents}, x.options());
    comps.narrow(1, 0, k).copy_(vectors.narrow(1, C - k, k).flip({1}));
    const at::Tensor peak = comps.abs().argmax(0, /*keepdim=*/true);  // [1, 3]
    at::Tensor sign = comps.gather(0, peak).sign();
    sign = at::where(sign == 0, at::ones_like(sign), sign);
    pca.components = comps * sign;
    const at::Tensor proj = centred.mm(pca.components);  // [P, 3]
    const at::Tensor q = at::quantile(proj, at::tensor({kLowQuantile, kHighQuantile}, x.options()), 0);
    pca.lo = q[0].contiguous();
    pca.hi = q[1].contiguous();
    return pca;
}

uint8_t channel(double v, double lo, double hi) {
    const double span = hi - lo;
    const double t = span > 1e-12 ? std::clamp((v - lo) / span, 0.0, 1.0) : 0.5;
    return static_cast<uint8_t>(std::lround(t * 255.0));
}

}  // namespace

TokenMapFit fitTokenMap(const std::vector<at::Tensor>& denseTokens, int prefix, int sample) {
    TokenMapFit fit;
    fit.prefix = prefix;
    for (const at::Tensor& t : denseTokens) {
        if (t.dim() != 3 || sample >= t.size(0) || t.size(1) <= prefix)
            throw Error("token map: block tokens must be [B, prefix+P, C] with sample " + std::to_string(sample));
        const at::Tensor patches = t.select(0, sample).narrow(0, prefix, t.size(1) - prefix);
        fit.layers.push_back(fitLayer(patches.to(at::kCPU, at::kDouble).contiguous()));
    }
    return fit;
}

TokenMapFit fitTokenMap(const ViTModel& model, const at::Tensor& image) {
    c10::InferenceMode guard;
    std::vector<at::Tensor> tokens;
    const MethodPtr dense = builtinRegistry().create("dense");
    const ForwardOptions options{.trace = TraceLevel::Counts, .layerTokens = &tokens};
    model.forward(image, *dense, options);
    return fitTokenMap(tokens, model.config().numPrefixTokens());
}

TokenMap projectTokenMap(const TokenMapFit& fit, const std::vector<at::Tensor>& tokens, const TokenTrace& trace,
                         int sample) {
    TokenMap map;
    map.gridH = trace.gridH;
    map.gridW = trace.gridW;
    const size_t P = static_cast<size_t>(trace.patches);
    const size_t begin = static_cast<size_t>(sample) * P;
    const size_t layers = std::min({fit.layers.size(), tokens.size(), trace.layers.size()});
    for (size_t l = 0; l < layers; ++l) {
        const LayerTrace& lt = trace.layers[l];
        const TokenPca& pca = fit.layers[l];
        if (lt.patchToken.size() < begin + P)
            throw Error("token map: the trace has no per-patch tokens (TraceLevel::Full is needed)");
        const at::Tensor x = tokens[l].select(0, sample).to(at::kCPU, at::kDouble);  // [N, C]
        if (x.size(1) != pca.mean.size(0))
            throw Error("token map: tokens have width " + std::to_string(x.size(1)) + ", the dense fit " +
                        std::to_string(pca.mean.size(0)));
        const at::Tensor proj = (x - pca.mean).mm(pca.components).contiguous();  // [N, 3]
        const int64_t N = proj.size(0);
        const double* y = proj.data_ptr<double>();
        const double* lo = pca.lo.data_ptr<double>();
        const double* hi = pca.hi.data_ptr<double>();
        TokenMapLayer out;
        out.layer = lt.layer;
        out.rgb.assign(P, 0);
        out.token.assign(P, -1);
        for (size_t p = 0; p < P; ++p) {
            const int t = lt.patchToken[begin + p];
            if (t < 0 || t >= N) {
                out.token[p] = t <= -2 ? t : -1;
                continue;
            }
            const double* v = y + static_cast<int64_t>(t) * kComponents;
            out.token[p] = t;
            out.rgb[p] = packRgb(channel(v[0], lo[0], hi[0]), channel(v[1], lo[1], hi[1]), channel(v[2], lo[2], hi[2]));
        }
        map.layers.push_back(std::move(out));
    }
    return map;
}

TokenMap tokenMap(const ViTModel& model, PruneMethod& method, const at::Tensor& image, const TokenMapFit& fit) {
    c10::InferenceMode guard;
    std::vector<at::Tensor> tokens;
    const ForwardOptions options{.trace = TraceLevel::Full, .layerTokens = &tokens};
    ForwardResult out = model.forward(image, method, options);
    return projectTokenMap(fit, tokens, out.trace);
}

}  // namespace vp
