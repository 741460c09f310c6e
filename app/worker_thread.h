#pragma once
// How the studio runs a QObject worker off the UI thread: the worker is created here and moved
// to its own QThread, talks to the UI only through queued signals, and is deleted on its thread
// when the holder goes (a running call finishes first; workers check their cancel flag between
// batches). The inference, sweep and per-image workers all live in one of these, and so do the
// analysis views' jobs (BackgroundJob runs its bodies on one).
#include <QThread>

namespace vp {

template <typename Worker>
class WorkerThread {
public:
    explicit WorkerThread(const QString& name, QThread::Priority priority = QThread::InheritPriority)
        : m_worker(new Worker) {
        m_worker->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread.setObjectName(name);
        m_thread.start(priority);
    }
    ~WorkerThread() {
        m_thread.quit();
        m_thread.wait();
    }
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    Worker* get() const { return m_worker; }
    Worker* operator->() const { return m_worker; }

private:
    QThread m_thread;
    Worker* m_worker;
};

}  // namespace vp
