#pragma once
// Helpers shared by the vp_io tests: scratch folders, byte files, EXIF splicing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "common/error.h"

namespace vp::test {

inline const std::string kOpenCvData = "/usr/share/doc/opencv-doc/examples/data";

// A fresh folder per test, removed afterwards.
class ScratchDir {
public:
    ScratchDir() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_path = std::filesystem::temp_directory_path() /
                 ("vp_io_" + std::to_string(::getpid()) + "_" + info->test_suite_name() + "_" + info->name());
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

inline void writeBytes(const std::string& path, const std::vector<uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

inline std::vector<uint8_t> readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs `fn`, expects a vp::Error whose message contains every string in `parts`.
inline void expectError(const std::function<void()>& fn, const std::vector<std::string>& parts) {
    try {
        fn();
        ADD_FAILURE() << "expected vp::Error mentioning '" << parts.front() << "'";
    } catch (const vp::Error& e) {
        for (const auto& p : parts) EXPECT_NE(std::string(e.what()).find(p), std::string::npos) << e.what();
        EXPECT_EQ(e.exitCode(), 2) << e.what();
    }
}

// Inserts an APP1 "Exif" segment holding one IFD0 entry, Orientation (0x0112, SHORT) = value,
// after the JFIF APP0 segment of a baseline JPEG produced by cv::imencode.
inline std::vector<uint8_t> withExifOrientation(std::vector<uint8_t> jpeg, uint16_t orientation) {
    const std::vector<uint8_t> tiff = {'I',
                                       'I',
                                       0x2A,
                                       0x00,
                                       0x08,
                                       0x00,
                                       0x00,
                                       0x00,  // little-endian TIFF header, IFD0 at 8
                                       0x01,
                                       0x00,  // one entry
                                       0x12,
                                       0x01,
                                       0x03,
                                       0x00,
                                       0x01,
                                       0x00,
                                       0x00,
                                       0x00,  // tag 0x0112, type SHORT, count 1
                                       uint8_t(orientation & 0xFF),
                                       uint8_t(orientation >> 8),
                                       0x00,
                                       0x00,
                                       0x00,
                                       0x00,
                                       0x00,
                                       0x00};  // no next IFD
    std::vector<uint8_t> payload = {'E', 'x', 'i', 'f', 0, 0};
    payload.insert(payload.end(), tiff.begin(), tiff.end());
    const size_t len = payload.size() + 2;
    std::vector<uint8_t> segment = {0xFF, 0xE1, uint8_t(len >> 8), uint8_t(len & 0xFF)};
    segment.insert(segment.end(), payload.begin(), payload.end());
    size_t at = 2;  // after SOI
    if (jpeg.size() > 6 && jpeg[2] == 0xFF && jpeg[3] == 0xE0) at = 4 + ((size_t(jpeg[4]) << 8) | jpeg[5]);
    jpeg.insert(jpeg.begin() + std::ptrdiff_t(at), segment.begin(), segment.end());
    return jpeg;
}

}  // namespace vp::test
