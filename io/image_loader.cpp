#include "io/image_loader.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <filesystem>
#include <fstream>

#include "common/error.h"

namespace vp {
namespace {

constexpr uintmax_t kMaxFileBytes = uintmax_t(1) << 30;

bool startsWith(const std::vector<uint8_t>& b, std::initializer_list<uint8_t> sig, size_t at = 0) {
    if (b.size() < at + sig.size()) return false;
    size_t i = at;
    for (uint8_t c : sig)
        if (b[i++] != c) return false;
    return true;
}

// The container format from its signature, for error messages ("" when unrecognised).
std::string sniffFormat(const std::vector<uint8_t>& b) {
    if (startsWith(b, {0xFF, 0xD8, 0xFF})) return "JPEG";
    if (startsWith(b, {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) return "PNG";
    if (startsWith(b, {'G', 'I', 'F', '8'})) return "GIF";
    if (startsWith(b, {'B', 'M'})) return "BMP";
    if (startsWith(b, {'I', 'I', 0x2A, 0x00}) || startsWith(b, {'M', 'M', 0x00, 0x2A})) return "TIFF";
    if (startsWith(b, {'R', 'I', 'F', 'F'}) && startsWith(b, {'W', 'E', 'B', 'P'}, 8)) return "WebP";
    if (b.size() >= 2 && b[0] == 'P' && b[1] >= '1' && b[1] <= '7') return "PNM";
    if (startsWith(b, {0x00, 0x00, 0x00, 0x0C, 'j', 'P', ' ', ' '}) || startsWith(b, {0xFF, 0x4F, 0xFF, 0x51}))
        return "JPEG 2000";
    if (startsWith(b, {'f', 't', 'y', 'p'}, 4)) return "HEIF/AVIF";
    return "";
}

// The picture's size as its header declares it, for PNG (IHDR at a fixed place) and JPEG (the
// first start-of-frame marker); nullopt for other formats, whose size OpenCV checks itself
// against OPENCV_IO_MAX_IMAGE_PIXELS (set at start-up, see ensureStartupEnvironment).
std::optional<std::pair<uint32_t, uint32_t>> declaredSize(const std::vector<uint8_t>& b, const std::string& format) {
    auto be = [&](size_t at, int n) {
        uint32_t v = 0;
        for (int i = 0; i < n; ++i) v = (v << 8) | b[at + size_t(i)];
        return v;
    };
    if (format == "PNG" && b.size() >= 33) {
        // Only a well-formed IHDR (its CRC checks) is believed; a damaged one is libpng's to report.
        if (std::memcmp(b.data() + 12, "IHDR", 4) != 0 || crc32(0, b.data() + 12, 17) != be(29, 4)) return std::nullopt;
        return std::make_pair(be(16, 4), be(20, 4));
    }
    if (format != "JPEG") return std::nullopt;
    // Segments: FF xx LEN(2) ... until a SOFn (C0-CF except C4 DHT, C8 JPG, CC DAC).
    for (size_t i = 2; i + 9 < b.size();) {
        if (b[i] != 0xFF) return std::nullopt;
        const uint8_t m = b[i + 1];
        if (m == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC)
            return std::make_pair(be(i + 7, 2), be(i + 5, 2));  // P, Y (height), X (width)
        if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
            i += 2;
            continue;
        }
        i += 2 + be(i + 2, 2);
    }
    return std::nullopt;
}

Error tooLarge(const std::string& origin, const std::string& declared) {
    return fileError(origin, "image too large: more than " + std::to_string(kMaxImagePixels) +
                                 " pixels (64 megapixels, e.g. 8192x8192)" + declared + "; scale it down first");
}

// libjpeg decodes a truncated file into a half-grey picture with only a warning; PIL refuses it
// (LOAD_TRUNCATED_IMAGES is off), so do we: the last scan (SOS, FFDA) must be followed by an
// end-of-image marker (FFD9). Markers cannot occur inside entropy-coded data (FF is stuffed).
bool jpegLooksComplete(const std::vector<uint8_t>& b) {
    size_t lastSos = std::string::npos;
    for (size_t i = b.size(); i-- > 1;) {
        if (b[i - 1] == 0xFF && b[i] == 0xDA) {
            lastSos = i;
            break;
        }
    }
    if (lastSos == std::string::npos) return false;
    for (size_t i = lastSos + 1; i + 1 < b.size(); ++i)
        if (b[i] == 0xFF && b[i + 1] == 0xD9) return true;
    return false;
}

// Brings any decoded depth/channel count to 8-bit grey or BGR.
cv::Mat toEightBit(cv::Mat m, const std::string& origin) {
    switch (m.depth()) {
        case CV_8U:
            break;
        case CV_8S:
            m.convertTo(m, CV_8U, 1.0, 128.0);
            break;
        case CV_16U:
            m.convertTo(m, CV_8U, 1.0 / 257.0);
            break;  // 65535 → 255, rounded
        case CV_16S:
            m.convertTo(m, CV_8U, 1.0 / 257.0, 128.0);
            break;
        case CV_32F:
        case CV_64F:
            m.convertTo(m, CV_8U, 255.0);
            break;  // saturates outside [0,1]
        default:
            throw fileError(origin, "unsupported sample type in image");
    }
    switch (m.channels()) {
        case 1:
        case 3:
            return m;
        case 4: {  // only reached for decoders that ignore the requested channel count
            cv::Mat bgr;
            cv::cvtColor(m, bgr, cv::COLOR_BGRA2BGR);
            return bgr;
        }
        case 2: {  // grey + alpha
            std::vector<cv::Mat> planes;
            cv::split(m, planes);
            return planes[0];
        }
        default:
            throw fileError(origin, "unsupported channel count " + std::to_string(m.channels()));
    }
}

}  // namespace

cv::Mat decodeImage(const std::vector<uint8_t>& bytes, const std::string& origin) {
    if (bytes.empty()) throw fileError(origin, "empty file, not an image");
    const std::string format = sniffFormat(bytes);
    if (format == "JPEG" && !jpegLooksComplete(bytes))
        throw fileError(origin, "truncated or corrupt JPEG data (no end-of-image marker after the last scan)");
    const auto size = declaredSize(bytes, format);
    const std::string declared =
        size ? " (the file says " + std::to_string(size->first) + "x" + std::to_string(size->second) + ")" : "";
    if (size && uint64_t(size->first) * size->second > kMaxImagePixels) throw tooLarge(origin, declared);

    // ANYDEPTH keeps 16-bit samples for our own scaling; ANYCOLOR keeps grey as grey and asks for
    // 3 channels otherwise (decoders strip alpha). Unlike IMREAD_UNCHANGED these flags still let
    // OpenCV apply the EXIF orientation.
    cv::Mat m;
    try {
        const cv::Mat buf(1, int(bytes.size()), CV_8UC1, const_cast<uint8_t*>(bytes.data()));
        m = cv::imdecode(buf, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR);
    } catch (const cv::Exception& e) {
        const std::string what = e.err.empty() ? e.what() : e.err;
        if (what.find("MAX_IMAGE_PIXELS") != std::string::npos || what.find("MAX_IMAGE_WIDTH") != std::string::npos ||
            what.find("MAX_IMAGE_HEIGHT") != std::string::npos)
            throw tooLarge(origin, declared);
        throw fileError(origin, "cannot decode image: " + what);
    }
    if (m.empty()) {
        if (format.empty()) throw fileError(origin, "not an image file OpenCV can read (unrecognised format)");
        if (format == "GIF" || format == "HEIF/AVIF")
            throw fileError(origin, format + " images are not supported (OpenCV has no decoder for them)");
        throw fileError(origin, "corrupt or truncated " + format + " data, or a " + format +
                                    " variant this OpenCV build cannot decode");
    }
    return toEightBit(m, origin);
}

cv::Mat loadImage(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) throw fileError(path, "cannot access: " + ec.message());
    if (!fs::exists(st)) throw fileError(path, "no such file");
    if (fs::is_directory(st)) throw fileError(path, "is a directory, not an image file");
    if (!fs::is_regular_file(st)) throw fileError(path, "not a regular file");
    const uintmax_t size = fs::file_size(path, ec);
    if (ec) throw fileError(path, "cannot read size: " + ec.message());
    if (size > kMaxFileBytes) throw fileError(path, "file too large for an image (" + std::to_string(size) + " bytes)");

    std::ifstream in(path, std::ios::binary);
    if (!in) throw fileError(path, std::string("cannot open: ") + std::strerror(errno));
    std::vector<uint8_t> bytes(static_cast<size_t>(size));
    if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(size)))
        throw fileError(path, "read error");
    return decodeImage(bytes, path);
}

}  // namespace vp
