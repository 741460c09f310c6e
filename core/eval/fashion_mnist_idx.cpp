#include "eval/fashion_mnist_idx.h"

#include <sys/mman.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
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
// Far above Fashion-MNIST's 47 MB and 70k images; they bound a bad header. Peak memory is the
// bytes actually present (the destination is reserved, not allocated), so at most kMaxBytes for
// the pixels plus 9 bytes an image for the labels (read as bytes, kept as int64).
constexpr uint64_t kMaxBytes = uint64_t(1) << 30;
constexpr uint32_t kMaxImages = 10000000;

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

    // Reads exactly `n` bytes, then insists the data ends there. The destination is reserved as
    // address space only (pages become memory when written), so a header that claims a huge count
    // costs nothing on a short file, and a long one costs the bytes read and no more: no buffer
    // growth that would copy (and double the peak).
    std::shared_ptr<uint8_t> readExactly(uint64_t n, const std::string& what) {
        void* p =
            ::mmap(nullptr, size_t(n), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED)
            throw fileError(m_path,
                            "cannot reserve " + std::to_string(n) + " bytes for " + what + ": " + std::strerror(errno));
        std::shared_ptr<uint8_t> out(static_cast<uint8_t*>(p), [n](uint8_t* q) { ::munmap(q, size_t(n)); });
        constexpr size_t kStep = size_t(8) << 20;
        for (uint64_t done = 0; done < n;) {
            const size_t want = size_t(std::min<uint64_t>(n - done, kStep));
            const size_t got = read(out.get() + done, want);
            if (got < want) {
                throw fileError(m_path, "truncated: header promises " + std::to_string(n) + " bytes of " + what +
                                            " but only " + std::to_string(done + got) + " follow");
            }
            done += want;
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
    if (imageBytes > kMaxBytes || n > kMaxImages)
        throw fileError(imagesPath, "header claims an implausible " + std::to_string(n) + " images of " +
                                        std::to_string(rows) + "x" + std::to_string(cols) + " (at most " +
                                        std::to_string(kMaxImages) + " images and " + std::to_string(kMaxBytes >> 20) +
                                        " MiB of pixels)");

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

    std::shared_ptr<uint8_t> pixels = imgs.readExactly(imageBytes, "pixels");
    const std::shared_ptr<uint8_t> labels = labs.readExactly(n, "labels");

    // Wrap the mapping without a copy; the deleter keeps it alive with the tensor.
    uint8_t* raw = pixels.get();
    out.images = at::from_blob(
        raw, {int64_t(n), int64_t(rows), int64_t(cols)}, [pixels](void*) mutable { pixels.reset(); },
        at::TensorOptions().dtype(at::kByte));
    out.labels = at::from_blob(labels.get(), {int64_t(n)}, at::TensorOptions().dtype(at::kByte)).to(at::kLong);
    return out;
}

std::string fashionMnistDir() { return "/usr/share/datasets/fashion-mnist"; }

const std::vector<std::string>& fashionMnistClassNames() {
    static const std::vector<std::string> names{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return names;
}

}  // namespace vp
