#pragma once
// Pareto sweeps off the UI thread. Lives on its own QThread (the ParetoPanel owns it): start()
// queues a job, the worker loads its own copy of the model, plans each method's settings
// (planSweep) and measures them with core runSweep into the job's cache files, which resume
// finished points and are rewritten atomically after every point. Every finished point is
// emitted, resumed ones first, so a cached sweep fills the plot at once.
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <optional>

#include "io/dataset.h"
#include "model/vit_model.h"
#include "sweep_job.h"

namespace vp {

class SweepWorker : public QObject {
    Q_OBJECT
public:
    explicit SweepWorker(QObject* parent = nullptr);
    ~SweepWorker() override;

    // Thread-safe. Queues `job` on the worker's thread; jobs run one after another. Clears an
    // earlier cancel().
    void start(const SweepJob& job);
    // Thread-safe. The running job stops after the current batch; finished points stay cached.
    void cancel();
    // Points measured (not resumed) by the last job; read after finished().
    int evaluatedPoints() const { return m_evaluated.load(); }

Q_SIGNALS:
    // Over the whole job: points finished (resumed included; dense counted once); images of the
    // point being measured. `current` names it: "evit keep=0.5".
    void progress(int pointsDone, int pointsTotal, qint64 imagesDone, qint64 imagesTotal, const QString& current);
    void pointReady(const QString& methodId, const vp::SweepPoint& point);
    // Something was skipped but the job went on (a method that cannot prune this model, an
    // unreadable cache file measured again).
    void notice(const QString& message);
    // Exactly one of finished / failed ends each job.
    void finished(bool cancelled);
    void failed(const QString& message);  // names the model, dataset or file

private:
    void run(const SweepJob& job);
    void runJob(const SweepJob& job);
    void ensureModel(const QString& spec);
    void ensureDataset(const QString& spec);
    void emitPoint(const std::string& methodId, const SweepPoint& point);

    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_evaluated{0};
    // Worker-thread state, kept between jobs.
    bool m_hasModel = false;
    QString m_modelSpec, m_datasetSpec;
    ViTModel m_model;
    std::unique_ptr<Dataset> m_data;
    // Of the running job.
    std::optional<SweepPoint> m_dense;  // shown already; copied into the later methods' files
    int m_pointsDone = 0;               // shown so far (dense once)
};

}  // namespace vp
