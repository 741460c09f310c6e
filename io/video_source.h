#pragma once
// Video frames from a file or a camera through OpenCV's VideoCapture (FFmpeg for files, V4L2 for
// cameras), with errors that say what is wrong with which source.
#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

#include <cstdint>
#include <string>

namespace vp {

struct VideoInfo {
    std::string origin;  // the path, or "camera N"
    bool camera = false;
    int width = 0, height = 0;
    double fps = 0;           // 0 when the source does not say
    int64_t frameCount = -1;  // -1 when unknown (cameras, some containers)
    std::string codec;        // FourCC as text ("XVID"), "" when unknown
};

// "camera:N" or a bare non-negative integer names camera N; anything else is a file path.
bool isCameraSpec(const std::string& spec, int* index = nullptr);

class VideoSource {
public:
    // Opens the source and decodes its first frame (kept for the first read()), so that a file
    // that opens but cannot be decoded is refused here. Throws vp::Error "ORIGIN: problem" for a
    // missing or unreadable path, a directory, a file that is not a video (a text file named
    // .avi), a codec OpenCV cannot decode, an empty video and a camera that does not exist.
    explicit VideoSource(const std::string& spec);

    const VideoInfo& info() const { return m_info; }
    // The next frame (8-bit BGR) into `frame`; false at the end of the file, or when the rest of a
    // truncated or corrupt file cannot be decoded (truncated() then says so).
    bool read(cv::Mat& frame);
    // Index of the frame the next read() returns.
    int64_t position() const { return m_position; }
    // Files only: the next read() returns frame `index` (clamped to the video). False when the
    // container cannot seek.
    bool seek(int64_t index);
    // The file ended before the frame count its header gives (a truncated or damaged file).
    bool truncated() const;

private:
    cv::VideoCapture m_capture;
    VideoInfo m_info;
    cv::Mat m_pending;  // first frame, decoded at open
    int64_t m_position = 0;
    bool m_ended = false;
};

}  // namespace vp
