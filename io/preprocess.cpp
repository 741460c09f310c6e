#include "io/preprocess.h"

#include <ATen/Parallel.h>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <algorithm>
#include <cstring>

#include "common/error.h"

namespace vp {
namespace {

// ---- Pillow's separable resampling (libImaging/Resample.c), 8 bits per channel ----

constexpr int kPrecisionBits = 32 - 8 - 2;

struct Filter {
    double support;
    double (*fn)(double);
};

double boxFilter(double x) { return (x > -0.5 && x <= 0.5) ? 1.0 : 0.0; }
double bilinearFilter(double x) {
    x = std::fabs(x);
    return x < 1.0 ? 1.0 - x : 0.0;
}
double hammingFilter(double x) {
    x = std::fabs(x);
    if (x == 0.0) return 1.0;
    if (x >= 1.0) return 0.0;
    x *= M_PI;
    return std::sin(x) / x * (0.54 + 0.46 * std::cos(x));
}
double bicubicFilter(double x) {
    constexpr double a = -0.5;
    x = std::fabs(x);
    if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}
double sinc(double x) {
    if (x == 0.0) return 1.0;
    x *= M_PI;
    return std::sin(x) / x;
}
double lanczosFilter(double x) { return (-3.0 <= x && x < 3.0) ? sinc(x) * sinc(x / 3) : 0.0; }

bool filterFor(const std::string& name, Filter& out) {
    if (name == "bicubic")
        out = {2.0, bicubicFilter};
    else if (name == "bilinear")
        out = {1.0, bilinearFilter};
    else if (name == "lanczos")
        out = {3.0, lanczosFilter};
    else if (name == "hamming")
        out = {1.0, hammingFilter};
    else if (name == "box")
        out = {0.5, boxFilter};
    else
        return false;
    return true;
}

// Per output index: the first input index, the tap count and ksize fixed-point weights.
struct Coeffs {
    int ksize = 0;
    std::vector<int> first, count;
    std::vector<int32_t> weights;
};

Coeffs precomputeCoeffs(int inSize, int outSize, const Filter& f) {
    const double scale = double(inSize) / outSize;
    const double filterscale = std::max(scale, 1.0);  // widen the kernel when down-scaling
    const double support = f.support * filterscale;
    Coeffs c;
    c.ksize = int(std::ceil(support)) * 2 + 1;
    c.first.resize(outSize);
    c.count.resize(outSize);
    c.weights.assign(size_t(outSize) * c.ksize, 0);
    std::vector<double> k(c.ksize);
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = (xx + 0.5) * scale;
        const double ss = 1.0 / filterscale;
        int xmin = int(center - support + 0.5);  // C truncation, as Pillow
        if (xmin < 0) xmin = 0;
        int xmax = int(center + support + 0.5);
        if (xmax > inSize) xmax = inSize;
        xmax -= xmin;
        double ww = 0.0;
        for (int x = 0; x < xmax; ++x) {
            k[x] = f.fn((x + xmin - center + 0.5) * ss);
            ww += k[x];
        }
        for (int x = 0; x < xmax; ++x) {
            const double w = ww != 0.0 ? k[x] / ww : k[x];
            const double fixed = w * (1 << kPrecisionBits);
            c.weights[size_t(xx) * c.ksize + x] = int32_t(w < 0 ? -0.5 + fixed : 0.5 + fixed);
        }
        c.first[xx] = xmin;
        c.count[xx] = xmax;
    }
    return c;
}

inline uint8_t clip8(int64_t v) {
    if (v >= (int64_t(1) << kPrecisionBits << 8)) return 255;
    if (v <= 0) return 0;
    return uint8_t(v >> kPrecisionBits);
}

cv::Mat resampleHorizontal(const cv::Mat& in, int outW, const Coeffs& c) {
    const int ch = in.channels();
    cv::Mat out(in.rows, outW, in.type());
    for (int y = 0; y < in.rows; ++y) {
        const uint8_t* src = in.ptr<uint8_t>(y);
        uint8_t* dst = out.ptr<uint8_t>(y);
        for (int xx = 0; xx < outW; ++xx) {
            const int32_t* k = &c.weights[size_t(xx) * c.ksize];
            const int x0 = c.first[xx], n = c.count[xx];
            for (int b = 0; b < ch; ++b) {
                int64_t ss = int64_t(1) << (kPrecisionBits - 1);
                for (int x = 0; x < n; ++x) ss += int64_t(src[(x0 + x) * ch + b]) * k[x];
                dst[xx * ch + b] = clip8(ss);
            }
        }
    }
    return out;
}

// Row-wise accumulation (contiguous, vectorisable). int32 sums as in Pillow: the filters'
// weights are bounded so that 255 · Σ|k| · 2^22 stays below 2^31.
cv::Mat resampleVertical(const cv::Mat& in, int outH, const Coeffs& c) {
    const int rowLen = in.cols * in.channels();
    cv::Mat out(outH, in.cols, in.type());
    std::vector<int32_t> acc(static_cast<size_t>(rowLen));
    for (int yy = 0; yy < outH; ++yy) {
        const int32_t* k = &c.weights[size_t(yy) * c.ksize];
        const int y0 = c.first[yy], n = c.count[yy];
        std::fill(acc.begin(), acc.end(), int32_t(1) << (kPrecisionBits - 1));
        for (int y = 0; y < n; ++y) {
            const uint8_t* src = in.ptr<uint8_t>(y0 + y);
            const int32_t w = k[y];
            int32_t* a = acc.data();
            for (int i = 0; i < rowLen; ++i) a[i] += int32_t(src[i]) * w;
        }
        uint8_t* dst = out.ptr<uint8_t>(yy);
        for (int i = 0; i < rowLen; ++i) dst[i] = clip8(acc[size_t(i)]);
    }
    return out;
}

// Pillow's NEAREST resize goes through ImagingScaleAffine: the source coordinate is accumulated
// in doubles from a·0.5 in steps of a = in/out, then truncated.
cv::Mat nearestResize(const cv::Mat& in, int outW, int outH) {
    auto table = [](int inSize, int outSize) {
        std::vector<int> idx(outSize);
        const double a = double(inSize) / outSize;
        double o = a * 0.5;
        for (int i = 0; i < outSize; ++i, o += a) idx[i] = std::min(int(o), inSize - 1);
        return idx;
    };
    const std::vector<int> xs = table(in.cols, outW), ys = table(in.rows, outH);
    const int ch = in.channels();
    cv::Mat out(outH, outW, in.type());
    for (int y = 0; y < outH; ++y) {
        const uint8_t* src = in.ptr<uint8_t>(ys[y]);
        uint8_t* dst = out.ptr<uint8_t>(y);
        for (int x = 0; x < outW; ++x)
            for (int b = 0; b < ch; ++b) dst[x * ch + b] = src[xs[x] * ch + b];
    }
    return out;
}

// Python's round() of d / 2 for an integer d: halves go to the even neighbour (torchvision's
// center_crop uses int(round((size - crop) / 2.0))).
int bankersHalf(int d) {
    int h = d / 2;
    if (d % 2 != 0 && h % 2 != 0) ++h;
    return h;
}

void checkConfig(const ViTConfig& cfg) {
    if (cfg.inChans != 1 && cfg.inChans != 3)
        throw Error("model config: pre-processing supports 1 or 3 input channels, not " + std::to_string(cfg.inChans));
    if (cfg.imageSize <= 0 || cfg.imageSize > 8192)
        throw Error("model config: image size must be in 1..8192, not " + std::to_string(cfg.imageSize));
    if (!(cfg.cropPct > 0) || !std::isfinite(cfg.cropPct) || cfg.imageSize / cfg.cropPct > 65536)
        throw Error("model config: crop_pct out of range: " + std::to_string(cfg.cropPct));
}

std::vector<float> channelStat(const std::vector<double>& v, int channels, const char* name) {
    if (int(v.size()) == channels) return {v.begin(), v.end()};
    if (v.size() == 1) return std::vector<float>(channels, float(v[0]));
    throw Error(std::string("model config: ") + name + " has " + std::to_string(v.size()) + " values for " +
                std::to_string(channels) + " input channels");
}

// 8-bit grey or BGR from whatever the caller holds (loadImage output, a video frame, BGRA).
cv::Mat asGreyOrBgr(const cv::Mat& image) {
    if (image.empty()) throw Error("pre-processing: empty image");
    if (image.depth() != CV_8U)
        throw Error("pre-processing: expected an 8-bit image (use vp::loadImage), got depth " +
                    std::to_string(image.depth()));
    switch (image.channels()) {
        case 1:
        case 3:
            return image;
        case 4: {
            cv::Mat bgr;
            cv::cvtColor(image, bgr, cv::COLOR_BGRA2BGR);
            return bgr;
        }
        default:
            throw Error("pre-processing: unsupported channel count " + std::to_string(image.channels()));
    }
}

}  // namespace

cv::Mat pilRgbToGrey(const cv::Mat& rgb) {
    CV_Assert(rgb.type() == CV_8UC3);
    cv::Mat grey(rgb.rows, rgb.cols, CV_8UC1);
    for (int y = 0; y < rgb.rows; ++y) {
        const uint8_t* s = rgb.ptr<uint8_t>(y);
        uint8_t* d = grey.ptr<uint8_t>(y);
        for (int x = 0; x < rgb.cols; ++x, s += 3)
            d[x] = uint8_t((uint32_t(s[0]) * 19595 + uint32_t(s[1]) * 38470 + uint32_t(s[2]) * 7471 + 0x8000) >> 16);
    }
    return grey;
}

cv::Mat pilResize(const cv::Mat& src, int width, int height, const std::string& interpolation) {
    if (src.depth() != CV_8U || (src.channels() != 1 && src.channels() != 3))
        throw Error("resize: expected an 8-bit grey or 3-channel image");
    if (width <= 0 || height <= 0) throw Error("resize: bad target size");
    if (width == src.cols && height == src.rows) return src.clone();
    if (interpolation == "nearest") return nearestResize(src, width, height);
    Filter f;
    if (!filterFor(interpolation, f))
        throw Error("model config: unknown interpolation '" + interpolation +
                    "' (bicubic, bilinear, nearest, lanczos, hamming or box)");
    cv::Mat m = src;
    if (width != m.cols) m = resampleHorizontal(m, width, precomputeCoeffs(m.cols, width, f));
    if (height != m.rows) m = resampleVertical(m, height, precomputeCoeffs(m.rows, height, f));
    return m;
}

int resizeShortSide(const ViTConfig& cfg) {
    checkConfig(cfg);
    return int(std::floor(double(cfg.imageSize) / cfg.cropPct));
}

cv::Mat modelCrop(const cv::Mat& image, const ViTConfig& cfg) {
    checkConfig(cfg);
    const int S = cfg.imageSize;
    cv::Mat m = asGreyOrBgr(image);

    // The model's mode first, as timm's loader converts before transforming. A grey image for an
    // RGB model is resized as grey and replicated at the end (identical result, a third the work).
    if (m.channels() == 3) {
        cv::Mat rgb;
        cv::cvtColor(m, rgb, cv::COLOR_BGR2RGB);
        m = cfg.inChans == 1 ? pilRgbToGrey(rgb) : rgb;
    }

    // torchvision Resize(int): short side → scale, long side → int(scale · long / short).
    const int scale = resizeShortSide(cfg);
    if (scale <= 0) throw Error("model config: image size / crop_pct gives an empty image");
    const int w = m.cols, h = m.rows;
    const bool wide = w > h;
    const int64_t shortSide = wide ? h : w, longSide = wide ? w : h;
    const int newLong = int(double(int64_t(scale) * longSide) / double(shortSide));
    const int newW = wide ? newLong : scale, newH = wide ? scale : newLong;
    if (newW != w || newH != h) m = pilResize(m, newW, newH, cfg.interpolation);

    // torchvision center_crop: zero padding when the image is smaller than the crop.
    if (m.cols < S || m.rows < S) {
        const int dw = std::max(0, S - m.cols), dh = std::max(0, S - m.rows);
        cv::Mat padded;
        cv::copyMakeBorder(m, padded, dh / 2, (dh + 1) / 2, dw / 2, (dw + 1) / 2, cv::BORDER_CONSTANT,
                           cv::Scalar::all(0));
        m = padded;
    }
    const int top = bankersHalf(m.rows - S), left = bankersHalf(m.cols - S);
    cv::Mat crop = m(cv::Rect(left, top, S, S)).clone();

    if (cfg.inChans == 3 && crop.channels() == 1) cv::cvtColor(crop, crop, cv::COLOR_GRAY2RGB);
    return crop;
}

cv::Mat displayImage(const cv::Mat& image, const ViTConfig& cfg) {
    cv::Mat crop = modelCrop(image, cfg);
    if (crop.channels() == 1) cv::cvtColor(crop, crop, cv::COLOR_GRAY2RGB);
    return crop;
}

at::Tensor normaliseUint8(const at::Tensor& images, const ViTConfig& cfg) {
    TORCH_CHECK(images.dim() == 4 && images.scalar_type() == at::kByte, "normaliseUint8 expects uint8 [B,C,H,W]");
    const int64_t channels = images.size(1);
    const std::vector<float> mean = channelStat(cfg.mean, int(channels), "mean");
    const std::vector<float> stdev = channelStat(cfg.std, int(channels), "std");
    for (float s : stdev)
        if (!(s > 0)) throw Error("model config: std must be positive");
    // A 256-entry table per channel: the same float operations as ToTensor + Normalize
    // ((v / 255 − mean) / std), done once. A plain serial loop on purpose: small batches then
    // cost microseconds and never wait on a parallel region's barrier on a busy machine.
    std::vector<float> lut(size_t(channels) * 256);
    for (int64_t c = 0; c < channels; ++c)
        for (int v = 0; v < 256; ++v)
            lut[size_t(c * 256 + v)] = (float(v) / 255.0f - mean[size_t(c)]) / stdev[size_t(c)];
    const at::Tensor src = images.contiguous();
    at::Tensor out = at::empty(src.sizes(), at::TensorOptions().dtype(at::kFloat));
    const int64_t plane = src.size(2) * src.size(3);
    const uint8_t* in = src.data_ptr<uint8_t>();
    float* dst = out.data_ptr<float>();
    for (int64_t bc = 0; bc < src.size(0) * channels; ++bc) {
        const float* table = &lut[size_t((bc % channels) * 256)];
        const uint8_t* p = in + bc * plane;
        float* q = dst + bc * plane;
        for (int64_t i = 0; i < plane; ++i) q[i] = table[p[i]];
    }
    return out;
}

at::Tensor preprocessBatch(const std::vector<cv::Mat>& images, const ViTConfig& cfg) {
    checkConfig(cfg);
    const int64_t B = int64_t(images.size()), S = cfg.imageSize, C = cfg.inChans;
    at::Tensor bytes = at::empty({B, S, S, C}, at::TensorOptions().dtype(at::kByte));
    uint8_t* base = bytes.data_ptr<uint8_t>();
    // Exceptions thrown inside are rethrown here by at::parallel_for (first one wins).
    at::parallel_for(0, B, 1, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
            const cv::Mat crop = modelCrop(images[size_t(i)], cfg);  // continuous S×S×C
            std::memcpy(base + i * S * S * C, crop.data, size_t(S * S * C));
        }
    });
    return normaliseUint8(bytes.permute({0, 3, 1, 2}), cfg);
}

at::Tensor preprocess(const cv::Mat& image, const ViTConfig& cfg) { return preprocessBatch({image}, cfg); }

}  // namespace vp
