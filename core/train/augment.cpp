#include "train/augment.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>

#include "common/error.h"

namespace vp {
namespace {

at::Tensor asBatch(const at::Tensor& pixels) {
    if (pixels.dim() == 3) return pixels.unsqueeze(1);
    if (pixels.dim() == 4 && pixels.size(1) == 1) return pixels;
    throw Error("augment: expected uint8 [B, H, W] or [B, 1, H, W] images");
}

at::Tensor uniform(int64_t n, at::Generator& gen) { return at::empty({n}, at::kFloat).uniform_(0.0, 1.0, gen); }

}  // namespace

at::Tensor normalizeGrey(const at::Tensor& pixels, double mean, double std) {
    return (asBatch(pixels).to(at::kFloat) / 255.0 - mean) / std;
}

at::Tensor augmentGrey(const at::Tensor& pixels, const AugmentOptions& o, double mean, double std, at::Generator& gen) {
    at::Tensor x = asBatch(pixels).to(at::kFloat) / 255.0;  // [B,1,H,W] in 0..1
    const int64_t B = x.size(0), H = x.size(2), W = x.size(3);
    const auto longOpts = at::TensorOptions().dtype(at::kLong);

    if (o.padding > 0) {
        // Crop of a padded batch as one gather: per image an offset (dy, dx) in [0, 2*padding].
        const int64_t p = o.padding;
        at::Tensor padded = at::constant_pad_nd(x, {p, p, p, p}, 0.0);  // [B,1,H+2p,W+2p]
        at::Tensor dy = at::randint(0, 2 * p + 1, {B}, gen, longOpts);
        at::Tensor dx = at::randint(0, 2 * p + 1, {B}, gen, longOpts);
        at::Tensor rows = dy.view({B, 1}) + at::arange(H, longOpts).view({1, H});  // [B,H]
        at::Tensor cols = dx.view({B, 1}) + at::arange(W, longOpts).view({1, W});  // [B,W]
        at::Tensor b = at::arange(B, longOpts).view({B, 1, 1});
        x = padded.select(1, 0).index({b, rows.view({B, H, 1}), cols.view({B, 1, W})}).unsqueeze(1);
    }
    if (o.flip) {
        at::Tensor doFlip = (uniform(B, gen) < 0.5).view({B, 1, 1, 1});
        x = at::where(doFlip, x.flip({3}), x);
    }
    if (o.eraseProb > 0) {
        // One rectangle per selected image (area fraction and aspect ratio as in timm's
        // RandomErasing), filled with uniform noise in pixel space.
        at::Tensor area = (uniform(B, gen) * (o.eraseMaxArea - o.eraseMinArea) + o.eraseMinArea) * double(H * W);
        at::Tensor logRatio = uniform(B, gen) * (2 * std::log(3.0)) - std::log(3.0);  // ratio in [1/3, 3]
        at::Tensor ratio = logRatio.exp();
        at::Tensor eh = (area * ratio).sqrt().round().clamp(1, H).to(at::kLong);
        at::Tensor ew = (area / ratio).sqrt().round().clamp(1, W).to(at::kLong);
        at::Tensor y0 = (uniform(B, gen) * (H - eh + 1).to(at::kFloat)).floor().to(at::kLong);
        at::Tensor x0 = (uniform(B, gen) * (W - ew + 1).to(at::kFloat)).floor().to(at::kLong);
        at::Tensor on = uniform(B, gen) < o.eraseProb;
        at::Tensor noise = at::empty_like(x).uniform_(0.0, 1.0, gen);
        at::Tensor ys = at::arange(H, longOpts).view({1, H});
        at::Tensor xs = at::arange(W, longOpts).view({1, W});
        at::Tensor inY = (ys >= y0.view({B, 1})) & (ys < (y0 + eh).view({B, 1}));  // [B,H]
        at::Tensor inX = (xs >= x0.view({B, 1})) & (xs < (x0 + ew).view({B, 1}));  // [B,W]
        at::Tensor mask = (inY.view({B, 1, H, 1}) & inX.view({B, 1, 1, W})) & on.view({B, 1, 1, 1});
        x = at::where(mask, noise, x);
    }
    return ((x - mean) / std).contiguous();
}

at::Generator epochGenerator(uint64_t seed, int epoch) {
    return at::make_generator<at::CPUGeneratorImpl>(seed * 1000003ULL + static_cast<uint64_t>(epoch) + 1);
}

}  // namespace vp
