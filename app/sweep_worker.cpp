#include "sweep_worker.h"

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

}  // namespace

SweepWorker::SweepWorker(QObject* parent) : QObject(parent) {
    qRegisterMetaType<vp::SweepPoint>();
}

SweepWorker::~SweepWorker() = default;

void SweepWorker::start(const SweepJob& job) {
    m_cancel.store(false);
    QMetaObject::invokeMethod(this, [this, job] { run(job); }, Qt::QueuedConnection);
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

void SweepWorker::runJob(const SweepJob& job) {
    ensureModel(job.modelSpec);
    ensureDataset(job.datasetSpec);
    const int64_t size = m_data->size();
    const int64_t count = job.limit > 0 ? std::min<int64_t>(job.limit, size) : size;
    if (count < 1) throw Error(toStd(job.datasetSpec) + ": holds no images");

    // Plan every method first, so that the total is known before anything is measured.
    std::vector<MethodSweep> methods;
    for (const QString& id : job.methodIds) {
        if (id == QLatin1String("dense")) continue;  // part of every method's file
        const QString file = job.cacheFiles.value(id);
        if (file.isEmpty()) throw Error("sweep: no cache file given for method '" + toStd(id) + "'", Error::Kind::Internal);
        try {
            methods.push_back({toStd(id), planSweep(m_model, {toStd(id)}, job.pointsPerMethod), toStd(file)});
        } catch (const Error& e) {
            Q_EMIT notice(tr("%1 skipped: %2").arg(id, QString::fromStdString(e.what())));
        }
        if (m_cancel.load()) {
            Q_EMIT finished(true);
            return;
        }
    }
    if (methods.empty()) throw Error("sweep: no method to sweep on this model (choose at least one)");
    int total = 1;
    for (const MethodSweep& m : methods) total += m.plan.size() - 1;

    QDir().mkpath(QFileInfo(QString::fromStdString(methods.front().file)).absolutePath());
    const BatchSource source = datasetSource(*m_data, count, m_model.config());
    std::optional<SweepPoint> dense;
    int base = 0;  // points finished by the earlier methods (dense included)
    for (size_t k = 0; k < methods.size(); ++k) {
        const MethodSweep& m = methods[k];
        const int sharedDense = k > 0 ? 1 : 0;  // dense is counted with the first method
        SweepOptions opts;
        opts.model = toStd(modelIdentity(job.modelSpec).name);
        opts.dataset = toStd(job.datasetSpec);
        opts.limit = count;
        opts.pointsPerMethod = job.pointsPerMethod;
        opts.out = m.file;
        // As the CLI: the dataset's first images calibrate methods that need them.
        opts.calibration = [&](int want) { return leadingBatches(*m_data, want, m_model.config(), opts.batch); };
        opts.pointDone = [&](const std::string& methodId, const SweepPoint& p, bool) {
            if (methodId == "dense") {
                if (dense) return;
                dense = p;
            }
            Q_EMIT pointReady(QString::fromStdString(methodId), p);
        };
        prepareCacheFile(m, opts, dense, [this](const QString& text) { Q_EMIT notice(text); });
        const SweepRun r = runSweep(m_model, m.plan, opts, source, count, [&](const SweepProgress& p) {
            Q_EMIT progress(base + p.pointsDone - sharedDense, total,
                            p.imagesDone - int64_t(p.evaluatedThisRun) * count, count, QString::fromStdString(p.current));
            return !m_cancel.load();
        });
        m_evaluated += r.evaluated;
        base += r.result.finishedPoints() - sharedDense;
        if (r.cancelled) {
            Q_EMIT finished(true);
            return;
        }
    }
    Q_EMIT finished(false);
}

}  // namespace vp
