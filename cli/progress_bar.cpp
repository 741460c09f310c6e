#include "progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace vp::cli {

ProgressBar::ProgressBar(std::string label, int64_t total, bool enabled)
    : m_label(std::move(label)), m_total(total), m_enabled(enabled), m_tty(isatty(STDERR_FILENO) != 0),
      m_start(std::chrono::steady_clock::now()), m_lastDraw(m_start) {}

void ProgressBar::update(int64_t done, const std::string& extra) {
    m_done = done;
    if (!m_enabled || !m_tty) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < m_total && now - m_lastDraw < std::chrono::milliseconds(100)) return;
    m_lastDraw = now;
    const double secs = std::chrono::duration<double>(now - m_start).count();
    const double rate = secs > 0 ? done / secs : 0;
    const double eta = rate > 0 ? (m_total - done) / rate : 0;
    const int width = 30;
    const int filled = m_total > 0 ? static_cast<int>(width * done / m_total) : width;
    std::string bar(filled, '#');
    bar.resize(width, '.');
    std::fprintf(stderr, "\r%s [%s] %lld/%lld  %.1f/s  ETA %.0fs %s\033[K", m_label.c_str(), bar.c_str(),
                 static_cast<long long>(done), static_cast<long long>(m_total), rate, eta, extra.c_str());
    std::fflush(stderr);
}

void ProgressBar::finish() {
    if (!m_enabled || m_finished) return;
    m_finished = true;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    if (m_tty) std::fprintf(stderr, "\r\033[K");
    std::fprintf(stderr, "%s: %lld/%lld in %.1f s\n", m_label.c_str(), static_cast<long long>(m_done),
                 static_cast<long long>(m_total), secs);
}

}  // namespace vp::cli
