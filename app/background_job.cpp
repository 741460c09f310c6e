#include "background_job.h"

#include <exception>

namespace vp {

BackgroundJob::BackgroundJob(QObject* parent) : QObject(parent) {}

BackgroundJob::~BackgroundJob() { m_cancel = true; }  // m_runner then waits for a running body

bool BackgroundJob::start(Body body) {
    if (m_running) return false;
    m_running = true;
    m_cancel = false;
    QMetaObject::invokeMethod(
        m_runner.get(),
        [this, body = std::move(body)] {
            QString error;
            try {
                body(*this);
            } catch (const std::exception& e) {
                error = QString::fromStdString(e.what());
            }
            QMetaObject::invokeMethod(
                this, [this, error] { onThreadDone(error); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return true;
}

void BackgroundJob::onThreadDone(const QString& error) {
    m_running = false;
    Q_EMIT finished(m_cancel.load(), error);
}

void BackgroundJob::reportProgress(int done, int total, const QString& text) { Q_EMIT progress(done, total, text); }

void BackgroundJob::post(std::function<void()> uiCall) {
    QMetaObject::invokeMethod(this, std::move(uiCall), Qt::QueuedConnection);
}

}  // namespace vp
