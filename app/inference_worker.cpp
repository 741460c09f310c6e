// InferenceWorker: the request queue (latest wins per pane) and loading models and images.
#include "inference_worker.h"

#include <c10/core/InferenceMode.h>
#include <c10/util/Exception.h>

#include <QFileInfo>
#include <chrono>
#include <algorithm>

#include "common/dtype_names.h"
#include "common/error.h"
#include "eval/latency_lock.h"
#include "io/image_loader.h"
#include "io/preprocess.h"
#include "model/compatibility.h"
#include "model/model_loader.h"
#include "model_source.h"
#include "prune/budget.h"
#include "prune/flops.h"

namespace vp {
namespace {

ModelInfo describe(const OpenedModel& opened, const QString& spec) {
    const ViTModel& m = opened.model;
    const ViTConfig& c = m.config();
    ModelInfo info;
    info.spec = spec;
    info.name = QString::fromStdString(opened.name);
    info.origin = QString::fromStdString(m.origin());
    info.family = QString::fromStdString(m.family());
    info.architecture = QString::fromStdString(c.architecture);
    info.standIn = opened.standIn;
    info.imageSize = c.imageSize;
    info.inChans = c.inChans;
    info.patchSize = c.patchSize;
    info.gridH = info.gridW = c.grid();
    info.depth = c.depth;
    info.embedDim = c.embedDim;
    info.numHeads = c.numHeads;
    info.numClasses = c.numClasses;
    info.parameters = m.parameterCount();
    info.denseGmacs = toG(denseMacs(m));
    info.reportedAccuracy = c.reportedAccuracy;
    for (const std::string& l : c.labelNames) info.labels << QString::fromStdString(l);
    info.compatibility = checkCompatibility(m);
    return info;
}

QImage toQImage(const cv::Mat& rgb) {
    cv::Mat c = rgb.isContinuous() ? rgb : rgb.clone();
    return QImage(c.data, c.cols, c.rows, static_cast<qsizetype>(c.step), QImage::Format_RGB888).copy();
}

}  // namespace

InferenceWorker::InferenceWorker(QObject* parent) : QObject(parent) {}
InferenceWorker::~InferenceWorker() = default;

void InferenceWorker::submit(const StudioRequest& request) {
    {
        const std::lock_guard lock(m_mutex);
        m_pending[request.pane] = request;
    }
    m_arrived.notify_all();
    QMetaObject::invokeMethod(this, &InferenceWorker::processPending, Qt::QueuedConnection);
}

bool InferenceWorker::newerPending(int pane) const {
    const std::lock_guard lock(m_mutex);
    return m_pending.count(pane) != 0;
}

bool InferenceWorker::newerArrivesWithin(int pane, int ms) {
    std::unique_lock lock(m_mutex);
    return m_arrived.wait_for(lock, std::chrono::milliseconds(ms), [&] { return m_pending.count(pane) != 0; });
}

void InferenceWorker::processPending() {
    // Panes take turns in order (the main view first); each runs only its newest request.
    std::optional<StudioRequest> request;
    {
        const std::lock_guard lock(m_mutex);
        if (m_pending.empty()) return;  // an earlier wake-up already took it
        request = std::move(m_pending.begin()->second);
        m_pending.erase(m_pending.begin());
    }
    handle(*request);
}

void InferenceWorker::fail(const StudioRequest& r, StudioFailure::Stage stage, const QString& subject,
                           const QString& message, int exitCode) {
    Q_EMIT failed(StudioFailure{r.generation, stage, subject, message, exitCode});
    Q_EMIT finished(r.generation);
}

void InferenceWorker::handle(const StudioRequest& r) {
    // Between steps, a newer request makes this one pointless: its own wake-up is queued.
    if (!ensureModel(r) || newerPending(r.pane)) return;
    if (!ensureDevice(r) || newerPending(r.pane)) return;
    if (!ensureImage(r) || newerPending(r.pane)) return;
    if (!m_inputValid) {
        Q_EMIT finished(r.generation);  // nothing to run without an image
        return;
    }
    run(r);
}

bool InferenceWorker::ensureModel(const StudioRequest& r) {
    if (m_hasModel && r.modelSpec == m_modelSpec && m_partsRevision == studioPartsRevision()) return true;
    const QString subject = r.modelSpec.isEmpty() ? QString::fromLatin1(kDefaultModelName) : r.modelSpec;
    Q_EMIT busy(r.generation, tr("Loading model %1…").arg(subject));
    try {
        OpenedModel opened = openStudioModel(r.modelSpec.toStdString());
        m_info = describe(opened, r.modelSpec);
        m_cpuModel = std::move(opened.model);
        m_model = m_cpuModel;
        m_device = QStringLiteral("cpu");
        m_modelSpec = r.modelSpec;
        m_partsRevision = studioPartsRevision();
        warmUp();
        m_hasModel = true;
        m_inputValid = false;  // pre-processing depends on the model's config
        m_denseValid = false;
        m_calibration = nullptr;
        m_solvers.reset();
        m_latencyLock.reset();
    } catch (const Error& e) {
        fail(r, StudioFailure::Stage::Model, r.modelSpec, QString::fromStdString(e.what()), e.exitCode());
        return false;
    } catch (const c10::Error& e) {
        fail(r, StudioFailure::Stage::Model, r.modelSpec,
             subject + ": cannot be read as a model: " + QString::fromStdString(e.what_without_backtrace()), 2);
        return false;
    } catch (const std::exception& e) {
        fail(r, StudioFailure::Stage::Model, r.modelSpec, subject + ": " + QString::fromStdString(e.what()), 2);
        return false;
    }
    Q_EMIT modelLoaded(r.generation, m_info);
    return true;
}

bool InferenceWorker::ensureDevice(const StudioRequest& r) {
    const QString wanted = r.device.isEmpty() ? QStringLiteral("cpu") : r.device;
    if (wanted == m_device) return true;
    try {
        if (!availableComputeChoices().contains(wanted))
            throw Error("device '" + wanted.toStdString() + "' is not available in this build (devices: " +
                        availableComputeChoices().join(", ").toStdString() + ")");
        Q_EMIT busy(r.generation, tr("Moving the model to %1…").arg(computeChoiceLabel(wanted)));
        const QStringList parts = wanted.split(QLatin1Char('/'));  // "device" or "device/dtype"
        const at::ScalarType dtype =
            parts.size() < 2 ? at::kFloat : dtypeFromName(parts[1].toStdString()).value_or(at::kFloat);
        m_model = wanted == QStringLiteral("cpu") ? m_cpuModel : m_cpuModel.to(at::Device(parts[0].toStdString()), dtype);
        m_device = wanted;
        warmUp();
    } catch (const std::exception& e) {
        m_model = m_cpuModel;
        m_device = QStringLiteral("cpu");
        fail(r, StudioFailure::Stage::Run, wanted, QString::fromStdString(e.what()), 2);
        return false;
    }
    m_inputValid = false;
    m_denseValid = false;
    m_calibration = nullptr;
    m_solvers.reset();
    m_latencyLock.reset();
    return true;
}

void InferenceWorker::warmUp() {
    // The first forward pays one-off costs (allocator, thread pool start-up, kernel selection)
    // that would otherwise show up as the first measured time.
    c10::InferenceMode guard;
    const ViTConfig& c = m_model.config();
    m_model.forward(at::zeros({1, c.inChans, c.imageSize, c.imageSize},
                              at::TensorOptions().dtype(m_model.dtype()).device(m_model.device())));
}

bool InferenceWorker::ensureImage(const StudioRequest& r) {
    if (r.imagePath.isEmpty()) {
        m_imagePath.clear();
        m_decoded = cv::Mat();
        m_inputValid = false;
        return true;
    }
    if (m_inputValid && r.imagePath == m_imagePath) return true;
    try {
        if (r.imagePath != m_imagePath || m_decoded.empty()) {
            m_decoded = loadImage(r.imagePath.toStdString());
            m_imagePath = r.imagePath;
        }
        const ViTConfig& cfg = m_model.config();
        m_input = preprocess(m_decoded, cfg).to(m_model.device(), m_model.dtype());
        m_inputValid = true;
        m_denseValid = false;
        Q_EMIT imageLoaded(r.generation, ImageInfo{m_imagePath, toQImage(displayImage(m_decoded, cfg)),
                                                   QSize(m_decoded.cols, m_decoded.rows)});
        return true;
    } catch (const std::exception& e) {
        // vp::Error names the file; anything else (OpenCV) gets the name prefixed.
        QString message = QString::fromStdString(e.what());
        if (!dynamic_cast<const Error*>(&e)) message = r.imagePath + ": " + message;
        m_imagePath.clear();
        m_decoded = cv::Mat();
        m_inputValid = false;
        fail(r, StudioFailure::Stage::Image, r.imagePath, message, 2);
        return false;
    }
}

}  // namespace vp
