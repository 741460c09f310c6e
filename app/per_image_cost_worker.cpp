#include "per_image_cost_worker.h"

#include <c10/core/InferenceMode.h>
#include <c10/util/Exception.h>

#include <QCoreApplication>
#include <QThread>

#include "common/error.h"
#include "eval/per_image_cost.h"
#include "io/dataset_batches.h"
#include "model_source.h"
#include "prune/flops.h"
#include "prune/method_setup.h"
#include "prune/registry.h"

namespace vp {

PerImageCostWorker::PerImageCostWorker(QObject* parent) : QObject(parent) { qRegisterMetaType<vp::PerImageCosts>(); }

PerImageCostWorker::~PerImageCostWorker() = default;

void PerImageCostWorker::start(const PerImageJob& job) {
    m_cancel.store(false);
    QMetaObject::invokeMethod(
        this, [this, job] { run(job); }, Qt::QueuedConnection);
}

void PerImageCostWorker::cancel() { m_cancel.store(true); }

void PerImageCostWorker::run(const PerImageJob& job) {
    if (QCoreApplication::instance() && thread() == QCoreApplication::instance()->thread()) {
        Q_EMIT failed(tr("internal error: the per-image worker must live on its own thread"));
        return;
    }
    const QString method = QString::fromStdString(job.methodId);
    try {
        runJob(job);
    } catch (const Error& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));  // names the model, dataset or knob
    } catch (const c10::Error& e) {
        Q_EMIT failed(tr("%1 on %2: internal error: %3")
                          .arg(method, job.datasetSpec, QString::fromStdString(e.what_without_backtrace())));
    } catch (const std::exception& e) {
        Q_EMIT failed(tr("%1 on %2: %3").arg(method, job.datasetSpec, QString::fromStdString(e.what())));
    }
}

void PerImageCostWorker::runJob(const PerImageJob& job) {
    if (!m_hasModel || job.modelSpec != m_modelSpec) {
        Q_EMIT status(tr("Loading the model…"));
        m_hasModel = false;
        OpenedModel opened = openStudioModel(job.modelSpec.toStdString());
        m_model = std::move(opened.model);
        m_modelSpec = job.modelSpec;
        m_hasModel = true;
    }
    if (!m_data || job.datasetSpec != m_datasetSpec) {
        Q_EMIT status(tr("Opening %1…").arg(job.datasetSpec));
        m_data.reset();
        m_data = openDataset(job.datasetSpec.toStdString());
        m_datasetSpec = job.datasetSpec;
    }
    const int64_t size = m_data->size();
    const int64_t count = job.limit > 0 ? std::min<int64_t>(job.limit, size) : size;
    if (count < 1) throw Error(job.datasetSpec.toStdString() + ": holds no images");

    const KnobValues values = knobValuesFrom(job.knobs);
    const double dense = toG(denseMacs(m_model));
    // As the inference worker and the CLI's default --calib: the default calibration source.
    const ReadyMethod ready =
        readyMethod(m_model, job.methodId, values,
                    datasetCalibration(kDefaultCalibrationSource, m_model.config(), [this](int want) {
                        Q_EMIT status(tr("Reading %1 calibration images (Fashion-MNIST train)…").arg(want));
                    }));
    const ViTModel* model = &ready.model();
    PruneMethod* method = ready.method.get();
    Q_EMIT status(tr("Measuring %1 images…").arg(count));
    Q_EMIT progress(0, count);
    const BatchSource source = datasetSource(*m_data, count, model->config());
    PerImageCosts costs =
        evaluatePerImage(*model, *method, source, count, job.batch, [this](int64_t done, int64_t total) {
            Q_EMIT progress(done, total);
            return !m_cancel.load();
        });
    costs.method = job.methodId;
    costs.settings = settingsText(values);
    costs.dataset = m_data->name();
    costs.denseGmacs = dense;
    Q_EMIT finished(costs);
}

}  // namespace vp
