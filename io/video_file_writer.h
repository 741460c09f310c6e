#pragma once
// Writes frames to a video file (Motion-JPEG in AVI, which every OpenCV build can write) through
// a temporary next to the target, renamed over it only by commit(): a cancelled or failed export
// never leaves a half-written file under the user's name.
#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

#include <string>

namespace vp {

class VideoFileWriter {
public:
    // Throws vp::Error naming `path` when it does not end in .avi or its folder is not writable.
    // Temporaries left by writers that were killed are removed. The first frame fixes the size.
    VideoFileWriter(std::string path, double fps);
    ~VideoFileWriter();  // removes the temporary unless committed
    VideoFileWriter(const VideoFileWriter&) = delete;
    VideoFileWriter& operator=(const VideoFileWriter&) = delete;

    // BGR frames; a frame of another size is scaled to the first one's.
    void write(const cv::Mat& frame);
    int frames() const { return m_frames; }
    // Closes the file and moves it into place. Throws vp::Error when nothing was written.
    void commit();

private:
    std::string m_path, m_temp;
    double m_fps;
    cv::VideoWriter m_writer;
    cv::Size m_size;
    int m_frames = 0;
    bool m_committed = false;
};

}  // namespace vp
