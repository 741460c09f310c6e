#include "pareto_panel.h"

#include <QFileInfo>
#include <cmath>

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "common/provenance.h"
#include "measured_cost.h"
#include "pareto_points.h"
#include "sweep_cache.h"
#include "sweep_setup_form.h"
#include "sweep_worker.h"
#include "widgets/pareto_plot.h"

namespace vp {
namespace {
constexpr int kProgressSteps = 1000;
}

ParetoPanel::ParetoPanel(QWidget* parent) : QWidget(parent) {
    m_plot = new ParetoPlot(this);
    m_cost = new MeasuredCost(this);
    m_plot->setCostAxis(m_cost->axisLabel());
    m_form = new SweepSetupForm(this);
    m_run = new QPushButton(tr("Run"), this);
    m_run->setObjectName(QStringLiteral("runButton"));
    m_run->setToolTip(tr("Measure every chosen method's settings on the dataset (cached points are reused)"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("Idle"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The plot takes what the choices leave; they never squeeze it below a readable width.
    m_plot->setMinimumWidth(360);
    m_form->setMaximumWidth(340);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    auto* side = new QVBoxLayout;
    side->addWidget(m_form, 1);
    side->addLayout(buttons);
    // Before any point there is nothing to plot: a line says what Run does instead of empty axes,
    // and the dock stays short.
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("emptyPlotLabel"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(
        tr("No points yet: choose a dataset and methods, then Run. Each point is one setting "
           "evaluated on the dataset; cached points appear at once."));
    auto* plotColumn = new QVBoxLayout;
    plotColumn->addWidget(m_cost->controls());
    plotColumn->addWidget(m_plot, 1);
    plotColumn->addWidget(m_empty, 1);
    auto* grid = new QGridLayout(this);
    grid->addLayout(plotColumn, 0, 0);
    grid->addLayout(side, 0, 1);
    grid->addWidget(m_progress, 1, 0, 1, 2);
    grid->addWidget(m_status, 2, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setRowStretch(0, 1);

    connect(m_worker.get(), &SweepWorker::progress, this, &ParetoPanel::onProgress);
    connect(m_worker.get(), &SweepWorker::pointReady, this, [this](const QString& id, const SweepPoint& p) {
        if (liveRun()) showPoint(id, p);
    });
    connect(m_worker.get(), &SweepWorker::notice, this, [this](const QString& text) {
        if (liveRun()) m_notices << text;
    });
    connect(m_worker.get(), &SweepWorker::finished, this, [this](bool cancelled) {
        const int n = m_shown.finishedPoints();
        onRunEnded(cancelled ? tr("Cancelled: %1 — %n finished point(s) kept; Run resumes.", "", n).arg(subject())
                             : tr("Done: %1 — %n point(s).", "", n).arg(subject()));
    });
    connect(m_worker.get(), &SweepWorker::failed, this,
            [this](const QString& message) { onRunEnded(tr("Sweep failed: %1").arg(message)); });
    connect(m_run, &QPushButton::clicked, this, &ParetoPanel::runSweep);
    connect(m_cancel, &QPushButton::clicked, this, &ParetoPanel::cancelSweep);
    connect(m_form, &SweepSetupForm::changed, this, &ParetoPanel::reloadCached);
    connect(m_plot, &ParetoPlot::pointClicked, this, &ParetoPanel::settingRequested);
    connect(m_cost, &MeasuredCost::axisChanged, this, [this] {
        m_cost->cancel();
        redraw();
        if (!measureShown() && !m_cost->isMeasuring() && m_cost->axis() != MeasuredCost::Axis::Gmacs)
            Q_EMIT latencyMeasured();  // everything shown was cached
    });
    connect(m_cost, &MeasuredCost::pointMeasured, this, &ParetoPanel::redraw);
    connect(m_cost, &MeasuredCost::measuringFinished, this, [this] {
        if (m_cost->axis() == MeasuredCost::Axis::Gmacs) return;
        if (!measureShown()) Q_EMIT latencyMeasured();  // else: points that arrived while timing
    });
    setStatus(tr("No model yet."));
    updateControls();
    updateEmpty();
}

void ParetoPanel::updateEmpty() {
    const bool empty = m_shown.methods.empty();
    m_plot->setVisible(!empty);
    m_empty->setVisible(empty);
}

ParetoPanel::~ParetoPanel() {
    m_worker->cancel();  // the holder then waits for the worker's thread
}

SweepJob ParetoPanel::currentJob() const {
    return makeSweepJob(m_modelSpec, m_form->datasetSpec(), m_form->limit(), m_form->pointsPerMethod(),
                        m_form->methodIds());
}

QString ParetoPanel::statusText() const { return m_status->text(); }

void ParetoPanel::setStatus(const QString& text) { m_status->setText(text); }

QString ParetoPanel::subject() const {
    const qint64 limit = m_form->limit();
    return tr("%1 on %2, %3 images")
        .arg(m_modelName, m_form->datasetName(), limit > 0 ? QString::number(limit) : tr("all"));
}

void ParetoPanel::setModel(const QString& modelSpec, const QString& displayName, double denseGmacs, int numClasses) {
    m_form->setModelClasses(numClasses);
    const bool other = !m_hasModel || modelSpec != m_modelSpec;
    if (other && m_running) {
        // Its points belong to the old model: stop it and ignore what it still sends.
        m_worker->cancel();
        m_firstLiveRun = m_runsStarted;
        m_running = false;
        m_progress->setValue(0);
        m_progress->setFormat(tr("Idle"));
    }
    m_hasModel = true;
    m_modelSpec = modelSpec;
    m_modelName = displayName.isEmpty() ? modelIdentity(modelSpec).name : displayName;
    m_denseGmacs = denseGmacs;
    m_cost->setModel(modelSpec);
    reloadCached();
    if (m_autoRun) runSweep();
}

void ParetoPanel::clearShown() {
    m_shown = SweepResult();
    m_plot->clearAll();
    m_plot->setCostAxis(m_cost->axisLabel());
    updateEmpty();
}

std::vector<ParetoPoint> ParetoPanel::plotPoints(const std::string& methodId) const {
    const SweepMethod* m = m_shown.method(methodId);
    if (!m) return {};
    std::vector<ParetoPoint> out = toParetoPoints(m->points);
    if (m_cost->axis() == MeasuredCost::Axis::Gmacs) return out;
    std::vector<ParetoPoint> measured;
    for (size_t i = 0; i < m->points.size(); ++i) {
        const auto c = m_cost->cost(methodId, m->points[i].settings);
        if (!c) continue;  // not timed yet: appears when it is
        ParetoPoint p = out[i];
        p.cost = c->value;
        p.errLow = c->value - c->low;
        p.errHigh = c->high - c->value;
        measured.push_back(p);
    }
    return measured;
}

void ParetoPanel::redraw() {
    const SweepResult shown = m_shown;
    m_plot->clearAll();
    m_plot->setCostAxis(m_cost->axisLabel());
    for (const SweepMethod& m : shown.methods) {
        const QString id = QString::fromStdString(m.id);
        const std::vector<ParetoPoint> points = plotPoints(m.id);
        if (m.id == "dense") {
            if (!points.empty()) m_plot->setDense(points.front().cost, points.front().accuracy);
        } else if (!points.empty()) {
            m_plot->setSeries(id, m_form->methodName(id), points);
        }
    }
    updateCurrent();
}

bool ParetoPanel::measureShown() {
    if (m_cost->axis() == MeasuredCost::Axis::Gmacs || !m_hasModel) return false;
    std::vector<std::pair<std::string, std::map<std::string, std::string>>> settings;
    for (const SweepMethod& m : m_shown.methods)
        for (const SweepPoint& p : m.points) settings.emplace_back(m.id, p.settings);
    return m_cost->measure(settings);
}

void ParetoPanel::showMeasuredCost() {
    if (m_shown.methods.empty())  // nothing to time: say so rather than open empty axes
        setStatus(
            tr("Nothing to time yet: Run a sweep (or open a sweep file) first; the latency axis then "
               "times each of its points on this machine."));
    if (m_cost->axis() == MeasuredCost::Axis::Gmacs) {
        m_cost->setAxis(MeasuredCost::Axis::MsPerImage);  // redraws and measures (axisChanged)
    } else if (!measureShown() && !m_cost->isMeasuring()) {
        Q_EMIT latencyMeasured();
    }
}

void ParetoPanel::reloadCached() {
    updateControls();
    if (!m_hasModel || m_running) return;
    clearShown();
    const SweepJob job = currentJob();
    const CachedSweeps cached = loadCached(job);
    for (const SweepResult& sweep : cached.sweeps)
        for (const SweepMethod& m : sweep.methods)
            for (const SweepPoint& p : m.points) showPoint(QString::fromStdString(m.id), p);
    QString text;
    if (!m_form->datasetFits())
        text = m_form->datasetMismatch();
    else if (job.methodIds.isEmpty())
        text = tr("Choose at least one method to sweep.");
    else if (m_shown.finishedPoints() > 0)
        text = tr("%1 — %n cached point(s).", "", m_shown.finishedPoints()).arg(subject());
    else
        text = tr("%1 — not swept yet; Run measures it.").arg(subject());
    if (!cached.problems.isEmpty())
        text +=
            QLatin1Char(' ') +
            tr("Ignored unreadable cache (measured again on Run): %1").arg(cached.problems.join(QLatin1String("; ")));
    setStatus(text);
}

bool ParetoPanel::showSweepFile(const QString& path, QString* error) {
    // A sweep made elsewhere (`vitprune sweep`/`merge`, a cluster's shards) shown as it is; the
    // next model change or Run goes back to the cache of the current choices.
    if (m_running) {
        *error = tr("%1: wait for the running sweep to finish or cancel it").arg(path);
        return false;
    }
    SweepResult sweep;
    try {
        sweep = loadSweep(path.toStdString());
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
    clearShown();
    for (const SweepMethod& m : sweep.methods)
        for (const SweepPoint& p : m.points) showPoint(QString::fromStdString(m.id), p);
    setStatus(
        tr("%1: %2 on %3, %4 images — %n point(s).", "", sweep.finishedPoints())
            .arg(QFileInfo(path).fileName(), QString::fromStdString(sweep.model), QString::fromStdString(sweep.dataset))
            .arg(sweep.limit));
    return true;
}

void ParetoPanel::showPoint(const QString& methodId, const SweepPoint& point) {
    const std::string id = methodId.toStdString();
    addShownPoint(m_shown, id, point);
    const std::vector<ParetoPoint> points = plotPoints(id);
    if (id == "dense") {
        if (!points.empty()) m_plot->setDense(points.front().cost, points.front().accuracy);
    } else if (!points.empty()) {
        m_plot->setSeries(methodId, m_form->methodName(methodId), points);
    }
    if (m_cost->axis() != MeasuredCost::Axis::Gmacs) measureShown();
    updateCurrent();
    updateEmpty();
}

void ParetoPanel::setCurrent(const QString& methodId, double gmacs) {
    m_currentMethod = methodId;
    m_currentGmacs = gmacs;
    m_hasCurrent = true;
    updateCurrent();
}

void ParetoPanel::updateCurrent() {
    // The ring sits on the GMACs curve; on a measured axis the current setting has no timing.
    const bool gmacsAxis = m_cost->axis() == MeasuredCost::Axis::Gmacs;
    const std::optional<double> acc = m_hasCurrent && gmacsAxis
                                          ? interpolateAccuracy(m_shown, m_currentMethod.toStdString(), m_currentGmacs)
                                          : std::nullopt;
    if (acc)
        m_plot->setCurrent(m_currentMethod, m_currentGmacs, 100.0 * *acc);
    else
        m_plot->clearCurrent();
}

void ParetoPanel::runSweep() {
    if (m_running || !m_hasModel) return;
    const SweepJob job = currentJob();
    if (!m_form->datasetFits()) {
        setStatus(m_form->datasetMismatch());
        return;
    }
    if (job.methodIds.isEmpty()) {
        setStatus(tr("Choose at least one method to sweep."));
        return;
    }
    // The points shown stay: the worker sends them again (cached ones first) and they replace
    // themselves, so the plot does not blink.
    m_notices.clear();
    m_running = true;
    ++m_runsStarted;
    m_progress->setValue(0);
    m_progress->setFormat(tr("Loading model and planning settings…"));
    m_runClock.start();
    setStatus(tr("Sweeping %1…").arg(subject()));
    updateControls();
    m_worker->start(job);
}

void ParetoPanel::cancelSweep() {
    if (!m_running) return;
    m_worker->cancel();
    setStatus(tr("Cancelling after the current batch…"));
}

void ParetoPanel::onProgress(int pointsDone, int pointsTotal, qint64 imagesDone, qint64 imagesTotal,
                             const QString& current) {
    if (!liveRun() || pointsTotal <= 0) return;
    const double within = imagesTotal > 0 ? double(imagesDone) / double(imagesTotal) : 0.0;
    const double fraction = std::min(1.0, (pointsDone + within) / pointsTotal);
    m_progress->setValue(int(kProgressSteps * fraction));
    QString text;
    if (current.isEmpty())
        text = tr("%1/%2 points").arg(pointsDone).arg(pointsTotal);
    else  // "evit keep=0.5 — point 12/57, 430/1000 images"
        text = tr("%1 — point %2/%3, %4/%5 images")
                   .arg(current)
                   .arg(std::min(pointsDone + 1, pointsTotal))
                   .arg(pointsTotal)
                   .arg(imagesDone)
                   .arg(imagesTotal);
    m_progress->setFormat(text + remainingText(fraction));
}

// " — about 4 min left", from the time so far (cached points make the first fraction fast, so
// nothing is said until the estimate has something to stand on).
QString ParetoPanel::remainingText(double fraction) const {
    const double elapsed = m_runClock.isValid() ? m_runClock.elapsed() / 1000.0 : 0.0;
    if (fraction < 0.03 || fraction >= 1.0 || elapsed < 3.0) return {};
    const double left = elapsed * (1.0 - fraction) / fraction;
    return left < 90 ? tr(" — about %1 s left").arg(std::max(1.0, std::round(left / 5) * 5), 0, 'f', 0)
                     : tr(" — about %1 min left").arg(std::round(left / 60), 0, 'f', 0);
}

void ParetoPanel::onRunEnded(const QString& status) {
    const bool live = liveRun();
    ++m_runsEnded;
    if (!live) return;
    m_running = false;
    m_progress->setFormat(m_progress->value() >= kProgressSteps ? tr("Done") : tr("Stopped"));
    setStatus(m_notices.isEmpty() ? status : status + QLatin1Char(' ') + m_notices.join(QLatin1Char(' ')));
    updateControls();
    Q_EMIT sweepFinished();
}

void ParetoPanel::updateControls() {
    m_form->setEnabled(!m_running);
    m_run->setEnabled(!m_running && m_hasModel && !m_form->methodIds().isEmpty() && m_form->datasetFits());
    m_cancel->setEnabled(m_running);
}

SweepResult ParetoPanel::shownResult() const {
    SweepResult r;
    const SweepJob job = currentJob();
    r.model = modelIdentity(m_modelSpec).name.toStdString();
    r.dataset = job.datasetSpec.toStdString();
    r.limit = job.limit;
    r.pointsPerMethod = job.pointsPerMethod;
    r.denseGMacs = m_denseGmacs;
    r.provenance = provenanceText(m_cost->device().toStdString());
    // Dense first, then the methods in the form's order (what a sweep file holds).
    QStringList order{QStringLiteral("dense")};
    order << m_form->availableMethods();
    for (const QString& id : order)
        if (const SweepMethod* m = m_shown.method(id.toStdString())) r.methods.push_back(*m);
    r.plannedPoints = r.finishedPoints();
    return r;
}

QString ParetoPanel::csv() const { return QString::fromStdString(sweepToCsv(shownResult())); }

QByteArray ParetoPanel::json() const { return QByteArray::fromStdString(sweepToJson(shownResult())); }

}  // namespace vp
