#include "per_image_cost_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QRegularExpression>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cstdlib>

#include "widgets/spec_text.h"
#include "prune/registry.h"
#include "widgets/cost_histogram.h"
#include "widgets/figure_export.h"

namespace vp {
namespace {

constexpr int kSpecRole = Qt::UserRole;  // dataset spec of a combo item ("" for "Folder…")
constexpr int kDefaultImages = 1000;
constexpr int kFigureWidth = 900, kFigureHeight = 480, kFigureDpi = 300;

QString num(double v, int precision) { return QLocale().toString(v, 'f', precision); }
QString gm(double v) { return QLocale().toString(v, 'g', 4); }

}  // namespace

PerImageCostDialog::PerImageCostDialog(std::function<PerImageSubject()> subject, QWidget* parent)
    : QDialog(parent), m_subjectFn(std::move(subject)) {
    setObjectName(QStringLiteral("perImageCostDialog"));
    setWindowTitle(tr("Per-image cost"));

    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("perImageHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    auto* intro =
        new QLabel(tr("Runs the current method and settings on every image and records what that image cost. Methods "
                      "whose token counts depend on the image (LTP) spread over many bins; methods that keep a fixed "
                      "number of tokens (EViT, ToMe, random, …) cost every image the same and show a single bar."),
                   this);
    intro->setWordWrap(true);

    m_dataset = new QComboBox(this);
    m_dataset->setObjectName(QStringLiteral("perImageDataset"));
    m_dataset->addItem(tr("Fashion-MNIST test (10,000)"), QStringLiteral("fashion-mnist"));
    m_dataset->addItem(tr("Fashion-MNIST train (60,000)"), QStringLiteral("fashion-mnist:train"));
    m_dataset->addItem(tr("Folder…"), QString());
    m_dataset->setItemData(2, tr("A folder with one sub-folder of images per class"), Qt::ToolTipRole);
    m_images = new QSpinBox(this);
    m_images->setObjectName(QStringLiteral("perImageCount"));
    m_images->setRange(1, 100000);
    m_images->setSingleStep(100);
    m_images->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_images->setToolTip(tr("The first N images of the dataset (fewer when it holds fewer)"));
    m_bins = new QSpinBox(this);
    m_bins->setObjectName(QStringLiteral("perImageBins"));
    m_bins->setRange(1, 200);
    m_bins->setToolTip(tr("Histogram bins between the cheapest and the dearest image"));
    m_run = new QPushButton(tr("Run"), this);
    m_run->setObjectName(QStringLiteral("perImageRun"));
    m_run->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("perImageCancel"));

    auto* controls = new QHBoxLayout;
    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Dataset"), m_dataset);
    auto* counts = new QHBoxLayout;
    counts->addWidget(m_images);
    counts->addSpacing(12);
    counts->addWidget(new QLabel(tr("Bins"), this));
    counts->addWidget(m_bins);
    counts->addStretch(1);
    form->addRow(tr("Images"), counts);
    controls->addLayout(form, 1);
    controls->addWidget(m_run, 0, Qt::AlignBottom);
    controls->addWidget(m_cancel, 0, Qt::AlignBottom);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("perImageProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v / %m images"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    m_histogram = new CostHistogram(this);
    m_histogram->setObjectName(QStringLiteral("perImageHistogram"));
    m_histogram->setMinimumSize(480, 260);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("perImageSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("perImageNote"));
    m_note->setWordWrap(true);
    m_note->setVisible(false);
    m_note->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e6c36a; padding: 4px; }"));

    m_exportFigure = new QPushButton(tr("Export figure…"), this);
    m_exportCsv = new QPushButton(tr("Export CSV…"), this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_exportFigure, QDialogButtonBox::ActionRole);
    buttons->addButton(m_exportCsv, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(intro);
    layout->addLayout(controls);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_histogram, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_note);
    layout->addWidget(buttons);

    {
        // Read every choice before applying any: applying one saves them all.
        QSettings s;
        s.beginGroup(QStringLiteral("perImage"));
        const QString dataset = s.value(QStringLiteral("dataset"), QStringLiteral("fashion-mnist")).toString();
        const int images = s.value(QStringLiteral("images"), kDefaultImages).toInt();
        const int bins = s.value(QStringLiteral("bins"), kDefaultBins).toInt();
        m_loading = true;
        setDatasetSpec(dataset);
        m_images->setValue(images);
        m_bins->setValue(bins);
        m_loading = false;
    }

    connect(m_dataset, &QComboBox::activated, this, &PerImageCostDialog::datasetActivated);
    connect(m_images, &QSpinBox::valueChanged, this, [this] { saveSettings(); });
    connect(m_bins, &QSpinBox::valueChanged, this, [this] {
        saveSettings();
        rebin();  // the measured costs stay: only their binning changes
    });
    connect(m_run, &QPushButton::clicked, this, &PerImageCostDialog::run);
    connect(m_cancel, &QPushButton::clicked, this, &PerImageCostDialog::cancel);
    connect(m_exportFigure, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export figure"), QDir::homePath() + "/per_image_cost.png",
                                         tr("PNG (*.png);;SVG (*.svg);;PDF (*.pdf)"));
        QString error;
        if (!path.isEmpty() && !exportFigure(path, &error)) QMessageBox::warning(this, tr("Export failed"), error);
    });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"),
                                                          QDir::homePath() + "/per_image_cost.csv", tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, &error)) QMessageBox::warning(this, tr("Export failed"), error);
    });

    connect(m_worker.get(), &PerImageCostWorker::status, this, &PerImageCostDialog::setStatus);
    connect(m_worker.get(), &PerImageCostWorker::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, int(std::max<qint64>(1, total)));
        m_progress->setValue(int(done));
    });
    connect(m_worker.get(), &PerImageCostWorker::finished, this, [this](const PerImageCosts& costs) {
        setRunning(false);
        if (costs.images.empty()) {
            setStatus(tr("Cancelled before the first batch finished."));
        } else {
            m_costs = costs;
            showCosts();
            setStatus(
                costs.cancelled
                    ? tr("Cancelled: showing the first %1 images.").arg(QLocale().toString(qint64(costs.images.size())))
                    : tr("Measured %1 images in %2 s.")
                          .arg(QLocale().toString(qint64(costs.images.size())), num(costs.seconds, 1)));
        }
        Q_EMIT runEnded();
    });
    connect(m_worker.get(), &PerImageCostWorker::failed, this, [this](const QString& message) {
        setRunning(false);
        setStatus(tr("Failed: %1").arg(message));
        Q_EMIT runEnded();
    });

    setRunning(false);
    refreshHeader();
    m_histogram->setSubject(tr("Not measured yet"));
    resize(820, 720);
}

PerImageCostDialog::~PerImageCostDialog() {
    m_worker->cancel();  // the holder then waits for the worker's thread
}

void PerImageCostDialog::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    refreshHeader();
}

QString PerImageCostDialog::methodDisplayName(const std::string& id) const {
    for (const MethodSpec& s : builtinRegistry().specs())
        if (s.id == id) return specText(s.name);
    return QString::fromStdString(id);
}

QString PerImageCostDialog::subjectText(const PerImageSubject& s) const {
    // The main knob, and the others only where they differ from their defaults (empty = unset).
    const MethodSpec* spec = nullptr;
    const std::vector<MethodSpec> specs = builtinRegistry().specs();
    for (const MethodSpec& m : specs)
        if (m.id == s.methodId) spec = &m;
    auto sameNumber = [](const std::string& a, const std::string& b) {
        char* ea = nullptr;
        char* eb = nullptr;
        const double x = std::strtod(a.c_str(), &ea), y = std::strtod(b.c_str(), &eb);
        return !a.empty() && !b.empty() && *ea == 0 && *eb == 0 && x == y;
    };
    QStringList knobs;
    for (const auto& [id, text] : s.knobs) {
        const Knob* k = spec ? spec->knob(id) : nullptr;
        const bool main = spec && id == spec->mainKnob;
        if (!main && (text.empty() || (k && (text == k->defaultValue || sameNumber(text, k->defaultValue))))) continue;
        knobs << QString::fromStdString(id + "=" + text);
    }
    QString text = methodDisplayName(s.methodId);
    if (!knobs.isEmpty()) text += QStringLiteral(", ") + knobs.join(QLatin1Char(' '));
    return text;
}

QString PerImageCostDialog::headerText() const { return m_header->text(); }

void PerImageCostDialog::refreshHeader() {
    if (!m_subjectFn) return;
    const PerImageSubject s = m_subjectFn();
    m_header->setText(tr("<b>%1</b> on <b>%2</b> — dense %3 GMACs per image")
                          .arg(subjectText(s).toHtmlEscaped(), s.modelName.toHtmlEscaped(), gm(s.denseGmacs)));
}

void PerImageCostDialog::setDatasetSpec(const QString& spec) {
    int index = spec.isEmpty() ? -1 : m_dataset->findData(spec, kSpecRole);
    if (index < 0) {
        if (!QFileInfo(spec).isDir()) return;
        const QString path = QFileInfo(spec).absoluteFilePath();
        if (m_dataset->count() > 3) m_dataset->removeItem(2);  // one folder entry, above "Folder…"
        m_dataset->insertItem(2, QDir(path).dirName(), path);
        m_dataset->setItemData(2, path, Qt::ToolTipRole);
        index = 2;
    }
    m_dataset->setCurrentIndex(index);
    m_datasetIndex = index;
    saveSettings();
}

QString PerImageCostDialog::datasetSpec() const { return m_dataset->itemData(m_datasetIndex, kSpecRole).toString(); }

void PerImageCostDialog::datasetActivated(int index) {
    if (!m_dataset->itemData(index, kSpecRole).toString().isEmpty()) {
        setDatasetSpec(m_dataset->itemData(index, kSpecRole).toString());
        return;
    }
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Dataset folder (one sub-folder per class)"), QDir::homePath());
    if (dir.isEmpty()) {
        m_dataset->setCurrentIndex(m_datasetIndex);
        return;
    }
    setDatasetSpec(dir);
}

void PerImageCostDialog::setImageCount(int images) { m_images->setValue(images); }
int PerImageCostDialog::imageCount() const { return m_images->value(); }
void PerImageCostDialog::setBins(int bins) { m_bins->setValue(bins > 0 ? bins : kDefaultBins); }
int PerImageCostDialog::bins() const { return m_bins->value(); }

void PerImageCostDialog::saveSettings() const {
    if (!m_remember || m_loading) return;
    QSettings s;
    s.beginGroup(QStringLiteral("perImage"));
    s.setValue(QStringLiteral("dataset"), datasetSpec());
    s.setValue(QStringLiteral("images"), m_images->value());
    s.setValue(QStringLiteral("bins"), m_bins->value());
}

void PerImageCostDialog::run() {
    if (m_running || !m_subjectFn) return;
    m_ran = m_subjectFn();
    refreshHeader();
    PerImageJob job;
    job.modelSpec = m_ran.modelSpec;
    job.datasetSpec = datasetSpec();
    job.limit = m_images->value();
    job.methodId = m_ran.methodId;
    job.knobs = m_ran.knobs;
    m_progress->setRange(0, m_images->value());
    m_progress->setValue(0);
    setStatus(tr("Starting…"));
    setRunning(true);
    m_worker->start(job);
}

void PerImageCostDialog::cancel() {
    if (!m_running) return;
    m_worker->cancel();
    setStatus(tr("Cancelling after the current batch…"));
}

void PerImageCostDialog::setRunning(bool running) {
    m_running = running;
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_dataset->setEnabled(!running);
    m_images->setEnabled(!running);
    m_exportFigure->setEnabled(!running && hasCosts());
    m_exportCsv->setEnabled(!running && hasCosts());
}

void PerImageCostDialog::setStatus(const QString& text) { m_status->setText(text); }
QString PerImageCostDialog::statusText() const { return m_status->text(); }

void PerImageCostDialog::rebin() {
    if (!hasCosts()) return;
    const Histogram h = makeHistogram(m_costs.gmacs(), m_bins->value());
    m_histogram->setHistogram(h.lo, h.width, std::vector<qint64>(h.counts.begin(), h.counts.end()));
}

void PerImageCostDialog::showCosts() {
    const DistributionStats g = summarize(m_costs.gmacs());
    const DistributionStats t = summarize(m_costs.meanTokens());
    const DistributionStats f = summarize(m_costs.finalTokens());
    // "Fashion-MNIST test", without the combo's "(10,000)" (or a translation's full-width
    // "（10,000）"): the title gives the images measured.
    static const QRegularExpression trailingCount(QStringLiteral("\\s*[(\uFF08][^()\uFF08\uFF09]*[)\uFF09]\\s*$"));
    const QString dataset = m_dataset->itemText(m_datasetIndex).remove(trailingCount);
    m_histogram->setSubject(tr("%1 on %2, %3").arg(subjectText(m_ran), m_ran.modelName, dataset));
    m_histogram->setSummary(g.mean, g.std, g.count);
    m_histogram->setDense(m_costs.denseGmacs);
    rebin();

    const double pct = m_costs.denseGmacs > 0 ? 100 * g.mean / m_costs.denseGmacs : 0;
    QString html = QStringLiteral("<table cellspacing=0 cellpadding=2>");
    auto row = [&html](const QString& name, const QString& value) {
        html += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>").arg(name, value);
    };
    row(tr("GMACs per image"), tr("%1 ± %2 (%3% of dense %4) · min %5 · p5 %6 · median %7 · p95 %8 · max %9")
                                   .arg(gm(g.mean), gm(g.std), num(pct, 1), gm(m_costs.denseGmacs), gm(g.min), gm(g.p5),
                                        gm(g.median), gm(g.p95), gm(g.max)));
    row(tr("Tokens per block"), tr("%1 ± %2 (mean over the blocks) · min %3 · max %4")
                                    .arg(num(t.mean, 1), num(t.std, 1), num(t.min, 1), num(t.max, 1)));
    row(tr("Tokens after the last block"),
        tr("%1 ± %2 · min %3 · max %4").arg(num(f.mean, 1), num(f.std, 1), num(f.min, 0), num(f.max, 0)));
    row(tr("Top-1"), tr("%1% of %2 images").arg(num(100 * m_costs.accuracy(), 2), QLocale().toString(g.count)));
    html += QStringLiteral("</table>");
    m_summary->setText(html);

    if (m_costs.uniform()) {
        m_note->setText(tr("Every image cost the same (%1 GMACs): %2 keeps a fixed number of tokens per block, so "
                           "the histogram is a single bar. Methods with per-image token counts, such as LTP, "
                           "spread over many bins.")
                            .arg(gm(g.mean), methodDisplayName(m_ran.methodId)));
        m_note->setVisible(true);
    } else {
        m_note->clear();
        m_note->setVisible(false);
    }
    setRunning(m_running);
}

QString PerImageCostDialog::summaryText() const {
    QString html = m_summary->text();
    html.replace(QStringLiteral("</tr>"), QStringLiteral("\n"));
    html.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "));
    html.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    return html.trimmed();
}

QString PerImageCostDialog::noteText() const { return m_note->text(); }

bool PerImageCostDialog::exportFigure(const QString& path, QString* error) {
    if (!hasCosts()) {
        *error = tr("%1: nothing measured yet (press Run first)").arg(path);
        return false;
    }
    return exportPlot(m_histogram->plot(), path, kFigureWidth, kFigureHeight, kFigureDpi, error);
}

bool PerImageCostDialog::exportCsv(const QString& path, QString* error) {
    if (!hasCosts()) {
        *error = tr("%1: nothing measured yet (press Run first)").arg(path);
        return false;
    }
    return exportText(QByteArray::fromStdString(perImageCsv(m_costs)), path, error);
}

PerImageCostDialog* showPerImageCostDialog(QWidget* parent, std::function<PerImageSubject()> subject) {
    auto* dialog =
        parent->findChild<PerImageCostDialog*>(QStringLiteral("perImageCostDialog"), Qt::FindDirectChildrenOnly);
    if (!dialog) dialog = new PerImageCostDialog(std::move(subject), parent);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

}  // namespace vp
