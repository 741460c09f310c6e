#pragma once
// Per-image cost off the UI thread (Analysis ▸ Per-image cost…): lives on its own QThread (the
// PerImageCostDialog owns it). start() queues a job; the worker loads its own copy of the model
// and the dataset (kept between jobs), builds the method (calibrated like the inference worker)
// and runs core evaluatePerImage over the first N images, reporting progress per batch.
#include <QMetaType>
#include <QObject>
#include <QString>
#include <atomic>
#include <map>
#include <memory>
#include <string>

#include "eval/cost_distribution.h"
#include "io/dataset.h"
#include "model/vit_model.h"

namespace vp {

struct PerImageJob {
    QString modelSpec;                                      // as openStudioModel takes it: "" = default
    QString datasetSpec = QStringLiteral("fashion-mnist");  // as openDataset takes it
    qint64 limit = 1000;                                    // the first N images; 0 = all of them
    std::string methodId = "dense";
    std::map<std::string, std::string> knobs;  // as --set takes them
    int batch = 64;
};

class PerImageCostWorker : public QObject {
    Q_OBJECT
public:
    explicit PerImageCostWorker(QObject* parent = nullptr);
    ~PerImageCostWorker() override;

    // Thread-safe. Queues `job` on the worker's thread; clears an earlier cancel().
    void start(const PerImageJob& job);
    // Thread-safe. The running job stops after the current batch and reports what it has.
    void cancel();

Q_SIGNALS:
    void status(const QString& text);  // "Loading the model…"
    void progress(qint64 done, qint64 total);
    // Exactly one of finished / failed ends each job. `costs.cancelled` after cancel().
    void finished(const vp::PerImageCosts& costs);
    void failed(const QString& message);

private:
    void run(const PerImageJob& job);
    void runJob(const PerImageJob& job);

    std::atomic<bool> m_cancel{false};
    // Worker-thread state, kept between jobs.
    bool m_hasModel = false;
    QString m_modelSpec, m_datasetSpec;
    ViTModel m_model;
    std::unique_ptr<Dataset> m_data;
};

}  // namespace vp

Q_DECLARE_METATYPE(vp::PerImageCosts)
