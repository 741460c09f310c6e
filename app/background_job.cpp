#include "background_job.h"

#include <QThread>
#include <exception>

namespace vp {

BackgroundJob::BackgroundJob(QObject* parent) : QObject(parent) {}

BackgroundJob::~BackgroundJob() {
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool BackgroundJob::start(Body body) {
    if (m_thread) return false;
    m_cancel = false;
    m_thread = QThread::create([this, body = std::move(body)] {
        QString error;
        try {
            body(*this);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, error] { onThreadDone(error); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("BackgroundJob"));
    m_thread->start(QThread::LowPriority);  // the window's own forwards come first
    return true;
}

void BackgroundJob::onThreadDone(const QString& error) {
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    Q_EMIT finished(m_cancel.load(), error);
}

void BackgroundJob::reportProgress(int done, int total, const QString& text) { Q_EMIT progress(done, total, text); }

void BackgroundJob::post(std::function<void()> uiCall) {
    QMetaObject::invokeMethod(this, std::move(uiCall), Qt::QueuedConnection);
}

}  // namespace vp
