#include "sweep_worker.h"

#include "io/dataset_guard.h"

#include <c10/util/Exception.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QThread>
#include <filesystem>
#include <optional>

#include "common/error.h"
#include "eval/sweep.h"
#include "io/dataset_batches.h"
#include "model_source.h"
#include "sweep_cache.h"

namespace vp {
namespace {

// One method's part of a job: its own plan (dense + its points) and its own cache file.
struct MethodSweep {
    std::string id;
    SweepPlan plan;
    std::string file;
};

std::string toStd(const QString& s) { return s.toStdString(); }

// A cache file that does not read back is moved aside (and reported), so its method starts
// over. Later methods' files get the dense point measured for the first, so dense runs once.
void prepareCacheFile(const MethodSweep& m, const SweepOptions& opts, const std::optional<SweepPoint>& dense,
                      const std::function<void(const QString&)>& notice) {
    namespace fs = std::filesystem;
    std::optional<SweepResult> existing;
    if (fs::exists(m.file)) {
        try {
            existing = loadSweep(m.file);
        } catch (const std::exception& e) {
            std::error_code ec;
            fs::rename(m.file, m.file + ".corrupt", ec);
            if (ec) fs::remove(m.file, ec);
            notice(SweepWorker::tr("%1 (set aside as .corrupt; measuring %2 again)")
                       .arg(QString::fromStdString(e.what()), QString::fromStdString(m.id)));
        }
    }
    if (!dense) return;
    SweepResult r = existing ? *existing : emptySweep(m.plan, opts);
    SweepMethod* d = r.method("dense");
    if (!d || !d->points.empty()) return;
    d->points = {*dense};
    saveSweep(r, m.file);
}

// The sweep in `file` when it is there, reads back and has every planned point.
std::optional<SweepResult> completeSweep(const std::string& file) {
    if (!std::filesystem::exists(file)) return std::nullopt;
    try {
        SweepResult r = loadSweep(file);
        if (r.complete() && r.mergedShards == 0) return r;
    } catch (const std::exception&) {
        // Unreadable: measured again, and reported, by the full path.
    }
    return std::nullopt;
}

}  // namespace

SweepWorker::SweepWorker(QObject* parent) : QObject(parent) { qRegisterMetaType<vp::SweepPoint>(); }

SweepWorker::~SweepWorker() = default;

void SweepWorker::start(const SweepJob& job) {
    m_cancel.store(false);
    QMetaObject::invokeMethod(
        this, [this, job] { run(job); }, Qt::QueuedConnection);
}

void SweepWorker::cancel() { m_cancel.store(true); }

void SweepWorker::run(const SweepJob& job) {
    m_evaluated.store(0);
    if (QCoreApplication::instance() && thread() == QCoreApplication::instance()->thread()) {
        // Minutes of evaluation would freeze the window: refuse rather than run here.
        Q_EMIT failed(tr("internal error: the sweep worker must live on its own thread"));
        return;
    }
    const QString model = job.modelSpec.isEmpty() ? QString::fromLatin1(kDefaultModelName) : job.modelSpec;
    try {
        runJob(job);
    } catch (const Error& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));  // vp::Error names its file or argument
    } catch (const c10::Error& e) {
        Q_EMIT failed(tr("sweep of %1 on %2: internal error: %3")
                          .arg(model, job.datasetSpec, QString::fromStdString(e.what_without_backtrace())));
    } catch (const std::exception& e) {
        Q_EMIT failed(tr("sweep of %1 on %2: %3").arg(model, job.datasetSpec, QString::fromStdString(e.what())));
    }
}

void SweepWorker::ensureModel(const QString& spec) {
    if (m_hasModel && spec == m_modelSpec) return;
    m_hasModel = false;
    OpenedModel opened = openStudioModel(toStd(spec));
    m_model = std::move(opened.model);
    m_modelSpec = spec;
    m_hasModel = true;
}

void SweepWorker::ensureDataset(const QString& spec) {
    if (m_data && spec == m_datasetSpec) return;
    m_data.reset();
    m_data = openDataset(toStd(spec));  // its errors name the dataset
    m_datasetSpec = spec;
}

void SweepWorker::emitPoint(const std::string& methodId, const SweepPoint& p) {
    if (methodId == "dense") {
        if (m_dense) return;  // every method's file has it: shown and counted once
        m_dense = p;
    }
    ++m_pointsDone;
    Q_EMIT pointReady(QString::fromStdString(methodId), p);
}

void SweepWorker::runJob(const SweepJob& job) {
    m_dense.reset();
    m_pointsDone = 0;
    // Methods whose file is complete are shown from it without loading the model or the data,
    // so reopening a swept model is instant; the others are planned and measured below.
    QStringList pending;
    for (const QString& id : job.methodIds) {
        if (id == QLatin1String("dense")) continue;  // part of every method's file
        const QString file = job.cacheFiles.value(id);
        if (file.isEmpty())
            throw Error("sweep: no cache file given for method '" + toStd(id) + "'", Error::Kind::Internal);
        if (const std::optional<SweepResult> done = completeSweep(toStd(file))) {
            for (const SweepMethod& m : done->methods)
                for (const SweepPoint& p : m.points) emitPoint(m.id, p);
        } else {
            pending << id;
        }
    }
    if (pending.isEmpty()) {
        if (!m_dense) throw Error("sweep: no method to sweep (choose at least one)");
        Q_EMIT progress(m_pointsDone, m_pointsDone, 0, 0, QString());
        Q_EMIT finished(false);
        return;
    }
    ensureModel(job.modelSpec);
    ensureDataset(job.datasetSpec);
    // A dataset whose classes or channels cannot match the model would give points that mean
    // nothing: refused, as `vitprune eval`/`sweep` refuse it.
    checkDatasetFitsModel(m_model.config(), *m_data, toStd(job.datasetSpec), toStd(job.modelSpec));
    const int64_t size = m_data->size();
    const int64_t count = job.limit > 0 ? std::min<int64_t>(job.limit, size) : size;
    if (count < 1) throw Error(toStd(job.datasetSpec) + ": holds no images");

    // As the CLI: methods that decide from images (structural rankings, calibrated token methods)
    // calibrate on the default calibration source (the train split), never on the scored images,
    // and the budget solver plans their settings on the same images. Read once per job.
    const CalibrationProvider calibration = datasetCalibration(kDefaultCalibrationSource, m_model.config());
    // Plan every method first, so that the total is known before anything is measured.
    std::vector<MethodSweep> methods;
    for (const QString& id : pending) {
        try {
            methods.push_back(
                {toStd(id), planSweep(m_model, {toStd(id)}, job.pointsPerMethod, 0.005, calibration),
                 toStd(job.cacheFiles[id])});
        } catch (const Error& e) {
            Q_EMIT notice(tr("%1 skipped: %2").arg(id, QString::fromStdString(e.what())));
        }
        if (m_cancel.load()) {
            Q_EMIT finished(true);
            return;
        }
    }
    if (methods.empty() && !m_dense) throw Error("sweep: no method to sweep on this model (choose at least one)");
    int total = m_pointsDone + (m_dense ? 0 : 1);
    for (const MethodSweep& m : methods) total += m.plan.size() - 1;

    if (!methods.empty()) QDir().mkpath(QFileInfo(QString::fromStdString(methods.front().file)).absolutePath());
    const BatchSource source = datasetSource(*m_data, count, m_model.config());
    for (const MethodSweep& m : methods) {
        SweepOptions opts;
        opts.model = toStd(modelIdentity(job.modelSpec).name);
        opts.dataset = toStd(job.datasetSpec);
        opts.limit = count;
        opts.pointsPerMethod = job.pointsPerMethod;
        opts.out = m.file;
        opts.calibration = calibration;
        opts.pointDone = [this](const std::string& methodId, const SweepPoint& p, bool) { emitPoint(methodId, p); };
        prepareCacheFile(m, opts, m_dense, [this](const QString& text) { Q_EMIT notice(text); });
        const int before = m_pointsDone;
        const bool denseCounted = m_dense.has_value();  // then this run resumes it: not counted again
        const SweepRun r = runSweep(m_model, m.plan, opts, source, count, [&](const SweepProgress& p) {
            Q_EMIT progress(before + p.pointsDone - (denseCounted ? 1 : 0), total,
                            p.imagesDone - int64_t(p.evaluatedThisRun) * count, count,
                            QString::fromStdString(p.current));
            return !m_cancel.load();
        });
        m_evaluated += r.evaluated;
        if (r.cancelled) {
            Q_EMIT finished(true);
            return;
        }
    }
    Q_EMIT finished(false);
}

}  // namespace vp
