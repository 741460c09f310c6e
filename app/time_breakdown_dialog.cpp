#include "time_breakdown_dialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include "background_job.h"
#include "eval/latency.h"
#include "model_source.h"
#include "prune/registry.h"
#include "widgets/spec_text.h"
#include "save_path.h"
#include "widgets/figure_export.h"
#include "widgets/qcp.h"
#include "widgets/time_breakdown_chart.h"

namespace vp {
namespace {

std::vector<StageBar> barsOf(const StageTimes& t) {
    std::vector<StageBar> out;
    for (const LayerStageMs& l : t.layers) out.push_back({l.attention, l.mlp, l.select, l.other});
    return out;
}

QString methodTitle(const std::string& id) {
    try {
        return specText(builtinRegistry().spec(id).name);
    } catch (const std::exception&) {
        return QString::fromStdString(id);
    }
}

}  // namespace

TimeBreakdownDialog::TimeBreakdownDialog(const QString& modelSpec, const QString& modelName,
                                         const std::string& methodId, const KnobValues& values, QWidget* parent)
    : QDialog(parent), m_modelSpec(modelSpec), m_methodId(methodId), m_values(values) {
    const std::string knobs = settingsText(values);
    // The method's name as the method box shows it (ids are for the command line).
    const QString setting =
        methodTitle(methodId) + (knobs.empty() ? QString() : QLatin1Char(' ') + QString::fromStdString(knobs));
    setWindowTitle(tr("Time breakdown: %1 on %2").arg(setting, modelName));
    QSettings settings;
    m_batch = new QSpinBox(this);
    m_batch->setRange(1, 512);
    m_batch->setValue(settings.value(QStringLiteral("breakdown/batch"), 1).toInt());
    m_runs = new QSpinBox(this);
    m_runs->setRange(1, 200);
    m_runs->setValue(settings.value(QStringLiteral("breakdown/runs"), 9).toInt());
    m_runs->setToolTip(tr("Timed forwards of each (dense, pruned); every stage's figure is the median"));
    m_run = new QPushButton(tr("Measure"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    auto* exportButton = new QPushButton(tr("Export…"), this);
    m_progress = new QProgressBar(this);
    m_progress->setFormat(tr("Idle"));
    m_progress->setValue(0);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chart = new TimeBreakdownChart(this);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Batch"), this));
    controls->addWidget(m_batch);
    controls->addWidget(new QLabel(tr("Runs"), this));
    controls->addWidget(m_runs);
    controls->addStretch(1);
    for (QPushButton* b : {m_run, m_cancel, exportButton}) controls->addWidget(b);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    resize(1100, 640);

    m_job = new BackgroundJob(this);
    connect(m_job, &BackgroundJob::progress, this, [this](int done, int total, const QString& text) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
        m_progress->setFormat(text);
    });
    connect(m_job, &BackgroundJob::finished, this, [this](bool cancelled, const QString& error) {
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
        m_progress->setFormat(error.isEmpty() ? (cancelled ? tr("Cancelled") : tr("Done")) : tr("Failed"));
        if (!error.isEmpty()) m_summary->setText(tr("Measuring failed: %1").arg(error));
        m_run->setEnabled(true);
        m_cancel->setEnabled(false);
        Q_EMIT measured();
    });
    connect(m_run, &QPushButton::clicked, this, &TimeBreakdownDialog::measure);
    connect(m_cancel, &QPushButton::clicked, m_job, &BackgroundJob::cancel);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = chooseSavePath(this, tr("Export the time breakdown"),
                                            figureFilters() + QStringLiteral(";;JSON (*.json);;Text (*.txt)"));
        QString error;
        if (!path.isEmpty()) m_progress->setFormat(exportTo(path, &error) ? tr("Saved %1").arg(path) : error);
    });
    m_cancel->setEnabled(false);
}

bool TimeBreakdownDialog::isRunning() const { return m_job->isRunning(); }

void TimeBreakdownDialog::measure() {
    if (isRunning()) return;
    QSettings settings;
    settings.setValue(QStringLiteral("breakdown/batch"), m_batch->value());
    settings.setValue(QStringLiteral("breakdown/runs"), m_runs->value());
    const int batch = m_batch->value(), runs = m_runs->value();
    const std::string spec = m_modelSpec.toStdString(), id = m_methodId;
    const KnobValues values = m_values;
    m_progress->setRange(0, 0);  // busy: one measurement, no steps to count
    m_progress->setFormat(tr("Measuring %n run(s)…", "", runs));
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_job->start([this, spec, id, values, batch, runs](BackgroundJob& job) {
        const OpenedModel opened = openStudioModel(spec);
        const TimeBreakdown b =
            measureTimeBreakdown(opened.model, id, values, batch, runs, [&] { return job.cancelled(); });
        if (b.runs > 0) job.post([this, b] { setBreakdown(b); });
    });
}

void TimeBreakdownDialog::setBreakdown(const TimeBreakdown& b) {
    m_breakdown = b;
    m_chart->setData(
        barsOf(b.dense), barsOf(b.pruned), b.dense.embed + b.dense.head, b.pruned.embed + b.pruned.head,
        methodTitle(b.method) + QLatin1Char(' ') + QString::fromStdString(b.setting) + tr(", batch %1").arg(b.batch));
    m_summary->setText(summary());
}

QString TimeBreakdownDialog::summary() const {
    if (!m_breakdown) return {};
    const TimeBreakdown& b = *m_breakdown;
    const LayerStageMs d = TimeBreakdown::sum(b.dense), p = TimeBreakdown::sum(b.pruned);
    const double saved = (d.attention + d.mlp) - (p.attention + p.mlp);
    const double lost = (p.select - d.select) + (p.other - d.other);
    QString text = tr("Blocks: attention %1 → %2 ms, MLP %3 → %4 ms, selection/merge ops %5 ms, other %6 → %7 ms. "
                      "GMACs %8 → %9 (%10× fewer); time %11 → %12 ms (%13× faster). ")
                       .arg(d.attention, 0, 'f', 2)
                       .arg(p.attention, 0, 'f', 2)
                       .arg(d.mlp, 0, 'f', 2)
                       .arg(p.mlp, 0, 'f', 2)
                       .arg(p.select, 0, 'f', 2)
                       .arg(d.other, 0, 'f', 2)
                       .arg(p.other, 0, 'f', 2)
                       .arg(b.gmacsDense, 0, 'f', 3)
                       .arg(b.gmacs, 0, 'f', 3)
                       .arg(b.gmacs > 0 ? b.gmacsDense / b.gmacs : 0.0, 0, 'f', 2)
                       .arg(b.dense.total(), 0, 'f', 2)
                       .arg(b.pruned.total(), 0, 'f', 2)
                       .arg(b.pruned.total() > 0 ? b.dense.total() / b.pruned.total() : 0.0, 0, 'f', 2);
    if (saved > 0)
        text +=
            tr("The method's own ops and bookkeeping take back %1 ms of the %2 ms that attention and MLP save (%3%).")
                .arg(lost, 0, 'f', 2)
                .arg(saved, 0, 'f', 2)
                .arg(100.0 * lost / saved, 0, 'f', 0);
    text +=
        tr(" Median of %n run(s), %1 thread(s), %2; stage timers wait for the device, so totals run a little slower "
           "than an untimed forward.",
           "", b.runs)
            .arg(b.threads)
            .arg(QString::fromStdString(b.device));
    return text;
}

bool TimeBreakdownDialog::exportTo(const QString& path, QString* error) {
    if (!m_breakdown) {
        *error = tr("%1: nothing measured yet").arg(path);
        return false;
    }
    const QString suffix = suffixOf(path);
    if (isFigureSuffix(suffix)) return exportPlot(m_chart->plot(), path, 900, 420, kFigureDpi, error);
    if (suffix == QLatin1String("json"))
        return exportText(QByteArray::fromStdString(timeBreakdownJson(*m_breakdown) + "\n"), path, error);
    if (suffix == QLatin1String("txt"))
        return exportText(QByteArray::fromStdString(timeBreakdownText(*m_breakdown)), path, error);
    *error = tr("%1: export as PNG, SVG, PDF, JSON or text (.txt)").arg(path);
    return false;
}

}  // namespace vp
