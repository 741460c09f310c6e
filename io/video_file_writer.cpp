#include "io/video_file_writer.h"

#include <opencv2/imgproc.hpp>
#include <unistd.h>

#include <filesystem>
#include <system_error>

#include "common/atomic_file.h"
#include "common/error.h"

namespace vp {

VideoFileWriter::VideoFileWriter(std::string path, double fps) : m_path(std::move(path)), m_fps(fps > 0 ? fps : 25) {
    checkCanWrite(m_path);
    const std::filesystem::path target(m_path);
    // The container follows the temporary's extension, so it keeps the target's (.avi).
    m_temp = (target.parent_path() / ("." + target.stem().string() + ".tmp-" + std::to_string(::getpid()) + ".avi"))
                 .string();
}

VideoFileWriter::~VideoFileWriter() {
    if (m_committed) return;
    m_writer.release();
    std::error_code ec;
    std::filesystem::remove(m_temp, ec);
}

void VideoFileWriter::write(const cv::Mat& frame) {
    if (!m_writer.isOpened()) {
        m_size = frame.size();
        if (!m_writer.open(m_temp, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), m_fps, m_size, true))
            throw Error(m_path + ": cannot write a Motion-JPEG video there");
    }
    if (frame.size() == m_size) {
        m_writer.write(frame);
    } else {
        cv::Mat resized;
        cv::resize(frame, resized, m_size);
        m_writer.write(resized);
    }
    ++m_frames;
}

void VideoFileWriter::commit() {
    if (m_frames == 0) throw Error(m_path + ": no frames to write");
    m_writer.release();
    std::error_code ec;
    std::filesystem::rename(m_temp, m_path, ec);
    if (ec) throw Error(m_path + ": cannot move the finished video into place: " + ec.message());
    m_committed = true;
}

}  // namespace vp
