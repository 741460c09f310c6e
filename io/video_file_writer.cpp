#include "io/video_file_writer.h"

#include <opencv2/imgproc.hpp>
#include <signal.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>

#include <filesystem>
#include <system_error>

#include "common/atomic_file.h"
#include "common/error.h"

namespace vp {

namespace {

// Temporaries of writers that were killed (Ctrl-C, kill -9): ".STEM.tmp-PID.avi" of a dead PID.
void removeStaleTemporaries(const std::filesystem::path& folder, const std::string& prefix) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder.empty() ? "." : folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0 || name.size() < prefix.size() + 5 ||
            name.compare(name.size() - 4, 4, ".avi") != 0)
            continue;
        const std::string pid = name.substr(prefix.size(), name.size() - prefix.size() - 4);
        if (pid.empty() || pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos) continue;
        if (::kill(std::stoi(pid), 0) != 0 && errno == ESRCH) std::filesystem::remove(entry.path(), ec);
    }
}

}  // namespace

VideoFileWriter::VideoFileWriter(std::string path, double fps) : m_path(std::move(path)), m_fps(fps > 0 ? fps : 25) {
    const std::filesystem::path target(m_path);
    std::string ext = target.extension().string();
    for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (ext != ".avi") throw Error(m_path + ": overlaid videos are written as Motion-JPEG AVI; give a .avi name");
    checkCanWrite(m_path);
    // The container follows the file name's extension, so the temporary keeps ".avi".
    const std::string prefix = "." + target.stem().string() + ".tmp-";
    removeStaleTemporaries(target.parent_path(), prefix);
    m_temp = (target.parent_path() / (prefix + std::to_string(::getpid()) + ".avi")).string();
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
    // VideoWriter::write reports nothing; a file without even its header means the writes failed.
    const auto size = std::filesystem::file_size(m_temp, ec);
    if (ec || size < 1024) throw Error(m_path + ": writing the video failed (disk full or not writable?)");
    std::filesystem::rename(m_temp, m_path, ec);
    if (ec) throw Error(m_path + ": cannot move the finished video into place: " + ec.message());
    m_committed = true;
}

}  // namespace vp
