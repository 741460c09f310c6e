#pragma once
// A terminal progress bar on stderr: done/total, rate and ETA. Silent when disabled or when
// stderr is not a terminal (logs get one line at the end).
#include <chrono>
#include <string>

namespace vp::cli {

class ProgressBar {
public:
    ProgressBar(std::string label, int64_t total, bool enabled);
    void update(int64_t done, const std::string& extra = "");
    void finish();

private:
    std::string m_label;
    int64_t m_total;
    bool m_enabled, m_tty, m_finished = false;
    int64_t m_done = 0;
    std::chrono::steady_clock::time_point m_start, m_lastDraw;
};

}  // namespace vp::cli
