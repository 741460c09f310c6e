#include "io/video_source.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include <opencv2/core/utils/logger.hpp>

#include "common/error.h"

namespace vp {
namespace {

std::string fourccText(double value) {
    const int code = static_cast<int>(value);
    std::string s;
    for (int i = 0; i < 4; ++i) {
        const char ch = static_cast<char>((code >> (8 * i)) & 0xff);
        if (ch >= 32 && ch < 127) s += ch;
    }
    return s;
}

void checkFile(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw Error(
            path + ": " +
            (errno == ENOENT ? std::string("no such file") : "cannot access: " + std::string(std::strerror(errno))));
    if (S_ISDIR(st.st_mode)) throw Error(path + ": is a folder, not a video file");
    if (!S_ISREG(st.st_mode)) throw Error(path + ": not a regular file");
    if (st.st_size == 0) throw Error(path + ": the file is empty");
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw Error(path + ": cannot read: " + std::strerror(errno));
}

}  // namespace

bool isCameraSpec(const std::string& spec, int* index) {
    std::string digits = spec;
    if (digits.rfind("camera:", 0) == 0) digits = digits.substr(7);
    if (digits.empty() || digits.size() > 4 || digits.find_first_not_of("0123456789") != std::string::npos)
        return false;
    if (index) *index = std::stoi(digits);
    return true;
}

VideoSource::VideoSource(const std::string& spec) {
    int camera = -1;
    if (isCameraSpec(spec, &camera)) {
        m_info.camera = true;
        m_info.origin = "camera " + std::to_string(camera);
        if (!m_capture.open(camera, cv::CAP_V4L2) && !m_capture.open(camera, cv::CAP_ANY))
            throw Error(m_info.origin + ": no such camera (OpenCV could not open /dev/video" + std::to_string(camera) +
                        ")");
    } else {
        m_info.origin = spec;
        checkFile(spec);
        // FFmpeg only: other back-ends (GStreamer) print their own warnings and can wait on odd files.
        // OpenCV's own log lines about the failure would only repeat the error below.
        const auto level = cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
        const bool opened = m_capture.open(spec, cv::CAP_FFMPEG);
        cv::utils::logging::setLogLevel(level);
        if (!opened)
            throw Error(spec +
                        ": not a video that can be played (not a video file, a container FFmpeg does not "
                        "know, or a codec it cannot decode)");
    }
    m_info.width = static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_WIDTH));
    m_info.height = static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_HEIGHT));
    m_info.fps = m_capture.get(cv::CAP_PROP_FPS);
    if (!(m_info.fps > 0 && m_info.fps < 1000)) m_info.fps = 0;
    m_info.codec = fourccText(m_capture.get(cv::CAP_PROP_FOURCC));
    if (!m_info.camera) {
        const double count = m_capture.get(cv::CAP_PROP_FRAME_COUNT);
        m_info.frameCount = count >= 1 && count < 1e9 ? static_cast<int64_t>(count) : -1;
    }
    if (!m_capture.read(m_pending) || m_pending.empty()) {
        if (m_info.camera) throw Error(m_info.origin + ": the camera opened but delivers no frames");
        throw Error(spec + ": no frame could be decoded" +
                    (m_info.codec.empty() ? std::string(" (corrupt data or an unsupported codec)")
                                          : " (codec '" + m_info.codec + "': unsupported, or the data is corrupt)"));
    }
    if (m_pending.depth() != CV_8U || (m_pending.channels() != 3 && m_pending.channels() != 1))
        throw Error(m_info.origin + ": frames are not 8-bit colour or grey");
    m_info.width = m_pending.cols;
    m_info.height = m_pending.rows;
}

bool VideoSource::read(cv::Mat& frame) {
    if (m_ended) return false;
    if (!m_pending.empty()) {
        frame = m_pending;
        m_pending = cv::Mat();
        ++m_position;
        return true;
    }
    cv::Mat next;
    if (!m_capture.read(next) || next.empty()) {
        m_ended = true;
        return false;
    }
    frame = next;
    ++m_position;
    return true;
}

bool VideoSource::seek(int64_t index) {
    if (m_info.camera) return false;
    if (index < 0) index = 0;
    if (m_info.frameCount > 0 && index >= m_info.frameCount) index = m_info.frameCount - 1;
    if (!m_capture.set(cv::CAP_PROP_POS_FRAMES, static_cast<double>(index))) return false;
    m_pending = cv::Mat();
    m_ended = false;
    m_position = static_cast<int64_t>(m_capture.get(cv::CAP_PROP_POS_FRAMES));
    if (m_position < 0) m_position = index;
    return true;
}

bool VideoSource::truncated() const {
    // Containers round their frame count; a few frames short is not damage.
    return m_ended && !m_info.camera && m_info.frameCount > 0 && m_position + 2 < m_info.frameCount;
}

}  // namespace vp
