#pragma once
// Decodes a VideoSource on its own thread, paced at the video's frame rate times a speed factor,
// into a one-slot Mailbox: a slow consumer sees the newest frame and the skipped ones are counted
// as dropped, and nothing the consumer does can stall the decoding (or the UI thread).
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "io/frame_mailbox.h"
#include "io/video_source.h"

namespace vp {

struct DecodedFrame {
    cv::Mat image;      // 8-bit BGR (or grey)
    int64_t index = 0;  // frame number in the file (cameras: since opening)
    // Not the successor of the frame before it (the first frame, after a seek or a loop back to
    // the start): a video method must start its stream again here.
    bool streamStart = false;
};

class VideoDecoder {
public:
    // Takes the opened source. Decoding starts paused.
    explicit VideoDecoder(std::unique_ptr<VideoSource> source);
    ~VideoDecoder();
    VideoDecoder(const VideoDecoder&) = delete;
    VideoDecoder& operator=(const VideoDecoder&) = delete;

    const VideoInfo& info() const { return m_info; }
    Mailbox<DecodedFrame>& frames() { return m_frames; }

    void play();
    void pause();
    bool playing() const { return m_playing; }
    // Frames per second = the file's fps (25 when it gives none) x speed; 0.05..16.
    void setSpeed(double speed);
    void setLoop(bool loop) { m_loop = loop; }
    // Decodes exactly one frame (the next, or `index` after a seek) while paused.
    void step();
    void seek(int64_t index);
    // The newest frame index handed to the mailbox (-1 before the first).
    int64_t newestIndex() const { return m_newest; }
    // The end of a file was reached (and not looping); `truncated` when it came early.
    bool ended() const { return m_ended; }
    bool truncated() const { return m_truncated; }

private:
    void run();
    bool decodeOne();  // under m_sourceMutex

    std::unique_ptr<VideoSource> m_source;
    VideoInfo m_info;
    Mailbox<DecodedFrame> m_frames;
    std::mutex m_sourceMutex;
    std::thread m_thread;
    std::atomic<bool> m_stop{false}, m_playing{false}, m_loop{false}, m_ended{false}, m_truncated{false};
    std::atomic<int> m_stepRequests{0};
    std::atomic<int64_t> m_seekTo{-1};
    std::atomic<int64_t> m_newest{-1};
    std::atomic<double> m_speed{1.0};
    bool m_nextStartsStream = true;  // decoder thread only
};

}  // namespace vp
