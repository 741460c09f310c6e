#include "eval/fashion_mnist_idx.h"

#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

#include "common/error.h"

namespace vp {
namespace {

constexpr uint32_t kImagesMagic = 2051;  // 0x00000803: unsigned byte, 3 dims
constexpr uint32_t kLabelsMagic = 2049;  // 0x00000801: unsigned byte, 1 dim
constexpr int kMaxSide = 4096;
constexpr uint64_t kMaxBytes = uint64_t(1) << 32;  // far above MNIST's 47 MB; bounds a bad header

uint32_t bigEndian32(const uint8_t* p) {
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

// gzread reads plain files transparently, so one path serves .gz and uncompressed idx files.
class GzFile {
public:
    explicit GzFile(const std::string& path) : m_path(path) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) throw fileError(path, "no such file");
        if (std::filesystem::is_directory(path, ec)) throw fileError(path, "is a directory, expected an idx file");
        m_file = gzopen(path.c_str(), "rb");
        if (!m_file) throw fileError(path, std::string("cannot open: ") + std::strerror(errno));
    }
    ~GzFile() {
        if (m_file) gzclose(m_file);
    }
    GzFile(const GzFile&) = delete;
    GzFile& operator=(const GzFile&) = delete;

    // Reads up to `n` bytes; returns the count (short only at end of data). Throws on a zlib error.
    size_t read(uint8_t* dst, size_t n) {
        size_t done = 0;
        while (done < n) {
            const unsigned chunk = unsigned(std::min<size_t>(n - done, 1u << 30));
            const int got = gzread(m_file, dst + done, chunk);
            if (got < 0) {
                int code = 0;
                const char* msg = gzerror(m_file, &code);
                throw fileError(m_path, std::string("corrupt gzip data: ") + (msg ? msg : "unknown zlib error"));
            }
            if (got == 0) break;
            done += size_t(got);
        }
        return done;
    }

    // Reads exactly `n` bytes growing the buffer as data arrives (so a header that claims a huge
    // count cannot force a huge allocation on a short file), then insists the data ends there.
    std::vector<uint8_t> readExactly(uint64_t n, const std::string& what) {
        std::vector<uint8_t> out;
        constexpr size_t kStep = size_t(8) << 20;
        while (out.size() < n) {
            const size_t want = size_t(std::min<uint64_t>(n - out.size(), kStep));
            const size_t old = out.size();
            out.resize(old + want);
            const size_t got = read(out.data() + old, want);
            if (got < want) {
                throw fileError(m_path, "truncated: header promises " + std::to_string(n) + " bytes of " + what +
                                            " but only " + std::to_string(old + got) + " follow");
            }
        }
        uint8_t extra = 0;
        if (read(&extra, 1) != 0)
            throw fileError(m_path, "unexpected data after the " + std::to_string(n) + " bytes of " + what);
        return out;
    }

    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    gzFile m_file = nullptr;
};

void readHeader(GzFile& f, uint8_t* header, size_t n, const char* kind) {
    if (f.read(header, n) != n) throw fileError(f.path(), std::string("too short for an idx ") + kind + " header");
}

}  // namespace

IdxImages readFashionMnist(const std::string& imagesPath, const std::string& labelsPath) {
    IdxImages out;

    GzFile imgs(imagesPath);
    uint8_t ih[16];
    readHeader(imgs, ih, 4, "image");  // the magic alone first: a swapped label file says so
    const uint32_t imagesMagic = bigEndian32(ih);
    if (imagesMagic != kImagesMagic) {
        throw fileError(imagesPath, "bad magic number " + std::to_string(imagesMagic) +
                                        ", expected 2051 (idx3 unsigned-byte images)" +
                                        (imagesMagic == kLabelsMagic ? "; this is a label file" : ""));
    }
    readHeader(imgs, ih + 4, 12, "image");
    const uint32_t n = bigEndian32(ih + 4), rows = bigEndian32(ih + 8), cols = bigEndian32(ih + 12);
    if (rows == 0 || cols == 0 || rows > kMaxSide || cols > kMaxSide)
        throw fileError(imagesPath, "bad image size " + std::to_string(rows) + "x" + std::to_string(cols));
    if (n == 0) throw fileError(imagesPath, "contains no images");
    const uint64_t imageBytes = uint64_t(n) * rows * cols;
    if (imageBytes > kMaxBytes)
        throw fileError(imagesPath, "header claims an implausible " + std::to_string(n) + " images");

    GzFile labs(labelsPath);
    uint8_t lh[8];
    readHeader(labs, lh, 4, "label");
    const uint32_t labelsMagic = bigEndian32(lh);
    if (labelsMagic != kLabelsMagic) {
        throw fileError(labelsPath, "bad magic number " + std::to_string(labelsMagic) +
                                        ", expected 2049 (idx1 unsigned-byte labels)" +
                                        (labelsMagic == kImagesMagic ? "; this is an image file" : ""));
    }
    readHeader(labs, lh + 4, 4, "label");
    const uint32_t nl = bigEndian32(lh + 4);
    if (nl != n) {
        throw fileError(labelsPath, "has " + std::to_string(nl) + " labels but " + imagesPath + " has " +
                                        std::to_string(n) + " images");
    }

    auto pixels = std::make_shared<std::vector<uint8_t>>(imgs.readExactly(imageBytes, "pixels"));
    std::vector<uint8_t> labels = labs.readExactly(n, "labels");

    // Wrap the buffer without a copy; the deleter keeps the vector alive with the tensor.
    out.images = at::from_blob(
        pixels->data(), {int64_t(n), int64_t(rows), int64_t(cols)}, [pixels](void*) mutable { pixels.reset(); },
        at::TensorOptions().dtype(at::kByte));
    out.labels = at::from_blob(labels.data(), {int64_t(n)}, at::TensorOptions().dtype(at::kByte)).to(at::kLong);
    return out;
}

std::string fashionMnistDir() { return "/usr/share/datasets/fashion-mnist"; }

const std::vector<std::string>& fashionMnistClassNames() {
    static const std::vector<std::string> names{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return names;
}

}  // namespace vp
