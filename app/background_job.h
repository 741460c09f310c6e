#pragma once
// One piece of long analysis work (timing tables, breakdowns, latency measurements) off the UI
// thread, with progress, cancel and a clear end: start() runs `body` on the job's own worker
// thread (a WorkerThread, as the inference, sweep and per-image workers), at low priority so the
// window's forwards come first; the body polls cancelled(), reports progress and hands results to
// the UI thread with post(). Exactly one finished() ends each run. Destroying the job cancels a
// running body and waits for it.
#include <QObject>
#include <QString>
#include <atomic>
#include <functional>

#include "worker_thread.h"

namespace vp {

class BackgroundJob : public QObject {
    Q_OBJECT
public:
    using Body = std::function<void(BackgroundJob& job)>;
    explicit BackgroundJob(QObject* parent = nullptr);
    ~BackgroundJob() override;

    // False (and nothing started) while a run is going.
    bool start(Body body);
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_running; }

    // For the body, on its thread.
    bool cancelled() const { return m_cancel.load(); }
    const std::atomic<bool>* cancelFlag() const { return &m_cancel; }  // for core loops that poll a flag
    void reportProgress(int done, int total, const QString& text);
    void post(std::function<void()> uiCall);  // runs on this object's (the UI) thread

Q_SIGNALS:
    void progress(int done, int total, const QString& text);
    // error: empty on success; else the exception's message (names the model or file).
    void finished(bool cancelled, const QString& error);

private:
    void onThreadDone(const QString& error);
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
    // Last member: destroyed (waiting for a running body) before the flags it reads.
    WorkerThread<QObject> m_runner{QStringLiteral("BackgroundJob"), QThread::LowPriority};
};

}  // namespace vp
