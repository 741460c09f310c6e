#include "efficiency_dialog.h"

#include <ATen/Parallel.h>

#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>
#include <QFileDialog>

#include "background_job.h"
#include "common/parse_number.h"
#include "eval/thread_count.h"
#include "model_source.h"
#include "save_path.h"
#include "widgets/efficiency_plot.h"
#include "widgets/figure_export.h"
#include "widgets/qcp.h"

namespace vp {
namespace {

// "1, 8,32" -> {1, 8, 32}; empty optional on a bad item.
std::optional<std::vector<double>> numbers(const QString& text) {
    std::vector<double> out;
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const std::optional<double> v = parseFiniteNumber(item.trimmed().toStdString());
        if (!v) return std::nullopt;
        out.push_back(*v);
    }
    if (out.empty()) return std::nullopt;
    return out;
}

EfficiencyPoint toPoint(const EfficiencyRow& r) {
    EfficiencyPoint p;
    p.method = QString::fromStdString(r.method);
    p.setting = QString::fromStdString(r.setting);
    p.batch = r.batch;
    p.gmacsSpeedup = r.gmacsSpeedup();
    p.speedup = r.speedup;
    p.speedupLow = r.speedupP10;
    p.speedupHigh = r.speedupP90;
    return p;
}

QByteArray csvOf(const std::vector<EfficiencyRow>& rows) {
    QByteArray out =
        "method,setting,batch,threads,device,pairs,dense_ms,ms,gmacs_dense,gmacs,gmacs_speedup,speedup,"
        "speedup_p10,speedup_p90,efficiency\n";
    for (const EfficiencyRow& r : rows)
        out += QStringLiteral("%1,\"%2\",%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15\n")
                   .arg(QString::fromStdString(r.method), QString::fromStdString(r.setting))
                   .arg(r.batch)
                   .arg(r.threads)
                   .arg(QString::fromStdString(r.device))
                   .arg(r.pairs)
                   .arg(r.denseMs)
                   .arg(r.ms)
                   .arg(r.gmacsDense)
                   .arg(r.gmacs)
                   .arg(r.gmacsSpeedup())
                   .arg(r.speedup)
                   .arg(r.speedupP10)
                   .arg(r.speedupP90)
                   .arg(r.efficiency())
                   .toUtf8();
    return out;
}

}  // namespace

EfficiencyDialog::EfficiencyDialog(const QString& modelSpec, const QString& modelName, QWidget* parent)
    : QDialog(parent), m_modelSpec(modelSpec) {
    setWindowTitle(tr("Efficiency: GMACs saved vs time saved — %1").arg(modelName));
    QSettings settings;
    m_methods = new QListWidget(this);
    const QStringList chosen = settings.value(QStringLiteral("efficiency/methods")).toStringList();
    for (const std::string& id : efficiencyDefaultMethods()) {
        auto* item = new QListWidgetItem(QString::fromStdString(id), m_methods);
        item->setCheckState(chosen.isEmpty() || chosen.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
    m_methods->setMaximumHeight(130);
    m_batches =
        new QLineEdit(settings.value(QStringLiteral("efficiency/batches"), QStringLiteral("1,8,32")).toString(), this);
    m_batches->setObjectName(QStringLiteral("batchesEdit"));
    m_batches->setToolTip(tr("Batch sizes, comma-separated (1 to 4096)"));
    m_budgets = new QLineEdit(
        settings.value(QStringLiteral("efficiency/budgets"), QStringLiteral("0.85,0.7,0.5")).toString(), this);
    m_budgets->setObjectName(QStringLiteral("budgetsEdit"));
    m_budgets->setToolTip(
        tr("Each method is set to these fractions of the dense GMACs, so methods compare at equal cost"));
    m_threads = new QSpinBox(this);
    m_threads->setRange(1, std::max(1, QThread::idealThreadCount()));
    m_threads->setValue(
        settings.value(QStringLiteral("efficiency/threads"), std::max(1, QThread::idealThreadCount())).toInt());
    m_pairs = new QSpinBox(this);
    m_pairs->setObjectName(QStringLiteral("pairsSpin"));
    m_pairs->setRange(3, 200);
    m_pairs->setValue(settings.value(QStringLiteral("efficiency/pairs"), 15).toInt());
    m_pairs->setToolTip(
        tr("Interleaved dense/pruned pairs per setting at batch 1 (a third of them, at least 3, at larger batches)"));
    m_run = new QPushButton(tr("Measure"), this);
    m_run->setObjectName(QStringLiteral("runButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    auto* open = new QPushButton(tr("Open table…"), this);
    auto* exportButton = new QPushButton(tr("Export…"), this);
    m_progress = new QProgressBar(this);
    m_progress->setFormat(tr("Idle"));
    m_progress->setValue(0);
    m_status =
        new QLabel(tr("Measures on this machine: dense and pruned forwards interleaved, median of the per-pair ratios, "
                      "p10–p90 as error bars. Efficiency 1 = the GMACs saving becomes time saved in full."),
                   this);
    m_status->setWordWrap(true);
    m_plot = new EfficiencyPlot(this);
    m_table = new QTableWidget(0, 7, this);
    m_table->setHorizontalHeaderLabels({tr("method"), tr("setting"), tr("batch"), tr("GMACs"), tr("GMACs speed-up"),
                                        tr("measured speed-up (p10–p90)"), tr("efficiency")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* form = new QFormLayout;
    form->addRow(tr("Methods"), m_methods);
    form->addRow(tr("Batch sizes"), m_batches);
    form->addRow(tr("GMACs budgets (× dense)"), m_budgets);
    form->addRow(tr("Threads"), m_threads);
    form->addRow(tr("Pairs"), m_pairs);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_run, m_cancel, open, exportButton}) buttons->addWidget(b);
    auto* side = new QVBoxLayout;
    side->addLayout(form);
    side->addLayout(buttons);
    side->addStretch(1);
    auto* sideWidget = new QWidget(this);
    sideWidget->setLayout(side);
    sideWidget->setMaximumWidth(360);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_plot);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* top = new QHBoxLayout;
    top->addWidget(splitter, 1);
    top->addWidget(sideWidget);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    resize(1180, 780);

    m_job = new BackgroundJob(this);
    connect(m_job, &BackgroundJob::progress, this, [this](int done, int total, const QString& text) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
        m_progress->setFormat(tr("%1 of %2 — %3").arg(done).arg(total).arg(text));
    });
    connect(m_job, &BackgroundJob::finished, this, [this](bool cancelled, const QString& error) {
        m_progress->setFormat(error.isEmpty() ? (cancelled ? tr("Cancelled") : tr("Done")) : tr("Failed"));
        if (!error.isEmpty())
            m_status->setText(tr("Measuring failed: %1").arg(error));
        else
            m_status->setText(tr("%n setting(s) measured.", "", static_cast<int>(m_rows.size())));
        updateControls();
        Q_EMIT runFinished();
    });
    connect(m_run, &QPushButton::clicked, this, &EfficiencyDialog::run);
    connect(m_cancel, &QPushButton::clicked, this, &EfficiencyDialog::cancel);
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open an efficiency table (vitprune bench --out)"),
                                                          QString(), tr("Efficiency table (*.json)"));
        QString error;
        if (!path.isEmpty() && !openTable(path, &error)) m_status->setText(error);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path =
            chooseSavePath(this, tr("Export the efficiency view"),
                           figureFilters() + QStringLiteral(";;JSON (*.json);;CSV (*.csv);;Markdown (*.md)"));
        QString error;
        if (!path.isEmpty()) m_status->setText(exportTo(path, &error) ? tr("Saved %1").arg(path) : error);
    });
    updateControls();
}

bool EfficiencyDialog::isRunning() const { return m_job->isRunning(); }

void EfficiencyDialog::updateControls() {
    m_run->setEnabled(!isRunning());
    m_cancel->setEnabled(isRunning());
}

void EfficiencyDialog::cancel() { m_job->cancel(); }

void EfficiencyDialog::run() {
    if (isRunning()) return;
    EfficiencyPlan plan;
    QStringList methods;
    for (int i = 0; i < m_methods->count(); ++i)
        if (m_methods->item(i)->checkState() == Qt::Checked) methods << m_methods->item(i)->text();
    const auto batches = numbers(m_batches->text());
    const auto budgets = numbers(m_budgets->text());
    if (methods.isEmpty() || !batches || !budgets) {
        m_status->setText(
            tr("Choose at least one method, and give batch sizes and budgets as comma-separated numbers."));
        return;
    }
    for (const QString& m : methods) plan.methods.push_back(m.toStdString());
    plan.batches.clear();
    for (double b : *batches) plan.batches.push_back(static_cast<int>(b));
    plan.budgets = *budgets;
    plan.pairsBatch1 = m_pairs->value();
    plan.pairsLarge = std::max(3, m_pairs->value() / 3);
    QSettings settings;
    settings.setValue(QStringLiteral("efficiency/methods"), methods);
    settings.setValue(QStringLiteral("efficiency/batches"), m_batches->text());
    settings.setValue(QStringLiteral("efficiency/budgets"), m_budgets->text());
    settings.setValue(QStringLiteral("efficiency/threads"), m_threads->value());
    settings.setValue(QStringLiteral("efficiency/pairs"), m_pairs->value());
    setRows({});
    const int threads = m_threads->value();
    const std::string spec = m_modelSpec.toStdString();
    m_job->start([this, plan, threads, spec](BackgroundJob& job) {
        const OpenedModel opened = openStudioModel(spec);
        const ScopedThreadCount threadCount(threads);
        efficiencyTable(opened.model, plan, [&](int done, int total, const EfficiencyRow& row) {
            if (row.pairs > 0) job.post([this, row] { addRow(row); });
            job.reportProgress(
                done, total,
                QString::fromStdString(row.method + " " + row.setting + " · batch " + std::to_string(row.batch)));
            return !job.cancelled();
        });
    });
    updateControls();
}

void EfficiencyDialog::addRow(const EfficiencyRow& r) {
    m_rows.push_back(r);
    m_plot->addPoint(toPoint(r));
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const QStringList cells = {QString::fromStdString(r.method),
                               QString::fromStdString(r.setting),
                               QString::number(r.batch),
                               QString::number(r.gmacs, 'f', 3),
                               QStringLiteral("%1×").arg(r.gmacsSpeedup(), 0, 'f', 2),
                               QStringLiteral("%1× (%2–%3)")
                                   .arg(r.speedup, 0, 'f', 2)
                                   .arg(r.speedupP10, 0, 'f', 2)
                                   .arg(r.speedupP90, 0, 'f', 2),
                               QString::number(r.efficiency(), 'f', 2)};
    for (int c = 0; c < cells.size(); ++c) m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
}

void EfficiencyDialog::setRows(const std::vector<EfficiencyRow>& rows) {
    m_rows.clear();
    m_plot->clear();
    m_table->setRowCount(0);
    for (const EfficiencyRow& r : rows) addRow(r);
}

bool EfficiencyDialog::openTable(const QString& path, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot be read (%2)").arg(path, f.errorString());
        return false;
    }
    try {
        setRows(efficiencyFromJson(f.readAll().toStdString(), path.toStdString()));
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
    m_status->setText(tr("%1: %n setting(s).", "", static_cast<int>(m_rows.size())).arg(path));
    return true;
}

bool EfficiencyDialog::exportTo(const QString& path, QString* error) {
    const QString suffix = suffixOf(path);
    if (isFigureSuffix(suffix)) return exportPlot(m_plot->plot(), path, 760, 440, kFigureDpi, error);
    if (suffix == QLatin1String("json"))
        return exportText(QByteArray::fromStdString(efficiencyJson(m_rows) + "\n"), path, error);
    if (suffix == QLatin1String("md"))
        return exportText(QByteArray::fromStdString(efficiencyMarkdown(m_rows)), path, error);
    if (suffix == QLatin1String("csv")) return exportText(csvOf(m_rows), path, error);
    *error = tr("%1: export as PNG, SVG, PDF, JSON, CSV or Markdown (.md)").arg(path);
    return false;
}

}  // namespace vp
