#include "io/video_decoder.h"

#include <algorithm>
#include <chrono>

namespace vp {

VideoDecoder::VideoDecoder(std::unique_ptr<VideoSource> source)
    : m_source(std::move(source)), m_info(m_source->info()) {
    m_thread = std::thread([this] { run(); });
}

VideoDecoder::~VideoDecoder() {
    m_stop = true;
    m_frames.close();
    if (m_thread.joinable()) m_thread.join();
}

void VideoDecoder::play() {
    if (m_ended && !m_info.camera) seek(0);  // play after the end starts again
    m_playing = true;
}

void VideoDecoder::pause() { m_playing = false; }

void VideoDecoder::setSpeed(double speed) { m_speed = std::clamp(speed, 0.05, 16.0); }

void VideoDecoder::step() { ++m_stepRequests; }

void VideoDecoder::seek(int64_t index) { m_seekTo = std::max<int64_t>(0, index); }

bool VideoDecoder::decodeOne() {
    DecodedFrame f;
    f.index = m_source->position();
    f.streamStart = m_nextStartsStream;
    if (!m_source->read(f.image)) {
        if (m_loop && !m_info.camera && m_source->seek(0)) {
            f.index = m_source->position();
            f.streamStart = true;
            if (!m_source->read(f.image)) return false;
        } else {
            m_truncated = m_source->truncated();
            m_ended = true;
            m_playing = false;
            return false;
        }
    }
    m_ended = false;
    m_newest = f.index;
    m_nextStartsStream = false;
    m_frames.put(std::move(f));
    return true;
}

void VideoDecoder::run() {
    using Clock = std::chrono::steady_clock;
    Clock::time_point next = Clock::now();
    while (!m_stop) {
        const int64_t seekTo = m_seekTo.exchange(-1);
        if (seekTo >= 0) {
            std::lock_guard<std::mutex> lock(m_sourceMutex);
            m_source->seek(seekTo);
            m_frames.clear();  // a frame from before the jump must not start the new stream
            m_nextStartsStream = true;
            m_ended = false;
            if (!m_playing) ++m_stepRequests;  // show the frame sought to
        }
        bool work = false;
        if (m_stepRequests > 0) {
            --m_stepRequests;
            work = true;
        } else if (m_playing && (m_info.camera || Clock::now() >= next)) {  // a camera paces itself
            work = true;
        }
        if (!work) {
            const auto wait = m_playing ? std::min(next - Clock::now(), Clock::duration(std::chrono::milliseconds(5)))
                                        : Clock::duration(std::chrono::milliseconds(5));
            std::this_thread::sleep_for(std::max(wait, Clock::duration(std::chrono::microseconds(200))));
            continue;
        }
        {
            std::lock_guard<std::mutex> lock(m_sourceMutex);
            decodeOne();
        }
        const double fps = (m_info.fps > 0 ? m_info.fps : 25.0) * m_speed.load();
        next = std::max(next + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / fps)),
                        Clock::now() - std::chrono::milliseconds(100));  // after a stall, no burst of catch-up frames
    }
}

}  // namespace vp
