// MainWindow: File ▸ Export — the overlay of every block, the comparison and the Pareto plot as
// PNG/SVG/PDF figures, and the data behind them as CSV/JSON. Every write is atomic.
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

#include "common/provenance.h"
#include "compare_view.h"
#include "prune/keep_masks.h"
#include "main_window.h"
#include "pareto_panel.h"
#include "result_panel.h"
#include "save_path.h"
#include "widgets/figure_export.h"
#include "widgets/overlay_grid_figure.h"
#include "widgets/pareto_plot.h"
#include "widgets/qcp.h"
#include "prune/knob.h"

namespace vp {
namespace {

constexpr int kParetoWidth = 640, kParetoHeight = 420;  // layout pixels (96 dpi)
const QString kFigureFilters = figureFilters();
bool isFigure(const QString& suffix) { return isFigureSuffix(suffix); }

// "keep=0.5, locations=3,6,9" (unset optional knobs say nothing), as in a sweep's settings.
QString knobsText(const std::map<std::string, std::string>& knobs) {
    const std::string text = settingsText(knobs, ", ");
    return text.empty() ? QObject::tr("defaults") : QString::fromStdString(text);
}

}  // namespace

// The caption line every figure carries: model, image, what ran, and the tool that made it.
QString MainWindow::figureCaption(const QString& what) const {
    return tr("Model %1 · image %2 · %3 · ViT Prune Studio %4")
        .arg(m_session.info.name, QFileInfo(m_session.loadedImagePath).fileName(), what,
             QApplication::applicationVersion());
}

namespace {}  // namespace

void MainWindow::buildExportMenu(QMenu* file) {
    file->addAction(tr("Open sweep results…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open sweep results (vitprune sweep / merge)"),
                                                          QString(), tr("Sweep results (*.json)"));
        QString error;
        if (!path.isEmpty() && !m_pareto->showSweepFile(path, &error))
            report(tr("Cannot open sweep results"), error, 2);
    });
    QMenu* ex = file->addMenu(tr("&Export"));
    ex->addAction(tr("Overlay of every block…"), this, [this] {
          exportDialog(tr("Export the overlay of every block"), kFigureFilters, &MainWindow::exportOverlayGrid);
      })->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    ex->addAction(tr("Comparison…"), this,
                  [this] { exportDialog(tr("Export the comparison"), kFigureFilters, &MainWindow::exportComparison); });
    ex->addAction(tr("Pareto plot…"), this, [this] {
        exportDialog(tr("Export the Pareto plot"), kFigureFilters + QStringLiteral(";;CSV (*.csv);;JSON (*.json)"),
                     &MainWindow::exportPareto);
    });
    ex->addAction(tr("Keep masks of every block (JSON)…"), this, [this] {
        exportDialog(tr("Export each block's patch fates"), QStringLiteral("JSON (*.json)"),
                     &MainWindow::exportKeepMasks);
    });
    ex->addAction(tr("Result data…"), this, [this] {
        exportDialog(tr("Export the result's data"), QStringLiteral("JSON (*.json);;CSV (*.csv)"),
                     &MainWindow::exportResultData);
    });
}

void MainWindow::exportDialog(const QString& title, const QString& filters,
                              bool (MainWindow::*exporter)(const QString&, QString*)) {
    const QString path = chooseSavePath(this, title, filters);
    if (path.isEmpty()) return;
    QString error;
    if ((this->*exporter)(path, &error))
        statusBar()->showMessage(tr("Saved %1").arg(path));
    else
        report(tr("Export failed"), error, 2);
}

bool MainWindow::exportOverlayGrid(const QString& path, QString* error) {
    if (!m_single->hasResult()) {
        *error = tr("%1: there is no result to export yet").arg(path);
        return false;
    }
    const QString suffix = suffixOf(path);
    if (!isFigure(suffix)) return exportResultData(path, error);
    const StudioResult& r = m_single->result();
    const QString what = tr("%1 (%2) · %3 of %4 GMACs")
                             .arg(QString::fromStdString(r.methodId), knobsText(r.knobs))
                             .arg(r.gmacs, 0, 'f', 3)
                             .arg(r.denseGmacs, 0, 'f', 3);
    OverlayGridFigure figure;
    figure.setContent(
        m_session.image.display, r.trace,
        tr("%1 · %2 · %3 GMACs").arg(m_session.info.name, QString::fromStdString(r.methodId)).arg(r.gmacs, 0, 'f', 3),
        0, 180, figureCaption(what));
    return exportWidgetFigure(&figure, path, kFigureDpi, error);
}

bool MainWindow::exportComparison(const QString& path, QString* error) {
    if (!isFigure(suffixOf(path))) {
        *error = tr("%1: the comparison exports as PNG, SVG or PDF").arg(path);
        return false;
    }
    if (!compareMode()) setCompareMode(true);
    // A figure, not a grab of the panes' controls: one overlay per method at the same block.
    std::vector<OverlayGridFigure::Tile> tiles;
    QStringList methods;
    for (int i = 0; i < m_compare->paneCount(); ++i) {
        const StudioResult* r = m_compare->paneResult(i);
        if (!r) {
            *error = tr("%1: pane %2 has no result yet; export again when every pane shows one").arg(path).arg(i + 1);
            return false;
        }
        const double pct = r->denseGmacs > 0 ? 100.0 * r->gmacs / r->denseGmacs : 100.0;
        tiles.push_back({std::make_shared<const TokenTrace>(r->trace), m_compare->layer(),
                         tr("%1\n%2\n%3 GMACs (%4% of dense)")
                             .arg(QString::fromStdString(r->methodId), knobsText(r->knobs))
                             .arg(r->gmacs, 0, 'f', 3)
                             .arg(pct, 0, 'f', 0)});
        methods << QString::fromStdString(r->methodId);
    }
    OverlayGridFigure figure;
    figure.setTiles(m_session.image.display, std::move(tiles),
                    tr("%1 · block %2").arg(m_session.info.name).arg(m_compare->layer()),
                    m_compare->paneCount() == 4 ? 2 : m_compare->paneCount(), 220,
                    figureCaption(tr("%1 at block %2 (%3)")
                                      .arg(methods.join(QStringLiteral(" vs ")))
                                      .arg(m_compare->layer())
                                      .arg(m_compare->equalBudget() ? tr("equal-cost lock on") : tr("own settings"))));
    return exportWidgetFigure(&figure, path, kFigureDpi, error);
}

bool MainWindow::exportPareto(const QString& path, QString* error) {
    const QString suffix = suffixOf(path);
    if (suffix == QLatin1String("csv")) return exportText(m_pareto->csv().toUtf8(), path, error);
    if (suffix == QLatin1String("json")) return exportText(m_pareto->json(), path, error);
    // A paper-sized figure, whatever the dock's shape on screen; the legend wraps for that width.
    ParetoPlot* plot = m_pareto->plot();
    plot->fitLegendTo(kParetoWidth);
    const bool ok = exportPlot(plot->plot(), path, kParetoWidth, kParetoHeight, kFigureDpi, error);
    plot->fitLegendTo(plot->plot()->width());
    plot->plot()->replot();
    return ok;
}

// The same file as `vitprune predict --masks-out` / `export-overlay --masks-out`.
bool MainWindow::exportKeepMasks(const QString& path, QString* error) {
    if (!m_single->hasResult()) {
        *error = tr("%1: there is no result to export yet").arg(path);
        return false;
    }
    const StudioResult& r = m_single->result();
    const KeepMasksInfo info{m_session.info.name.toStdString(),
                             m_session.loadedImagePath.toStdString(),
                             r.methodId,
                             r.knobs,
                             r.gmacs,
                             r.denseGmacs,
                             r.device.toStdString()};
    try {
        return exportText(QByteArray::fromStdString(keepMasksText(r.trace, info)), path, error);
    } catch (const std::exception& e) {
        *error = tr("%1: %2").arg(path, QString::fromStdString(e.what()));
        return false;
    }
}

bool MainWindow::exportResultData(const QString& path, QString* error) {
    if (!m_single->hasResult()) {
        *error = tr("%1: there is no result to export yet").arg(path);
        return false;
    }
    const QString suffix = suffixOf(path);
    if (suffix == QLatin1String("csv")) return exportText(m_resultPanel->csv(), path, error);
    if (suffix != QLatin1String("json")) {
        *error = tr("%1: result data exports as CSV or JSON").arg(path);
        return false;
    }
    QJsonObject o;
    o[QStringLiteral("model")] = m_session.info.name;
    o[QStringLiteral("image")] = m_session.loadedImagePath;
    o[QStringLiteral("method")] = QString::fromStdString(m_single->result().methodId);
    QJsonObject knobs;
    for (const auto& [id, v] : m_single->result().knobs) knobs[QString::fromStdString(id)] = QString::fromStdString(v);
    o[QStringLiteral("knobs")] = knobs;
    o[QStringLiteral("gmacs")] = m_single->result().gmacs;
    o[QStringLiteral("dense_gmacs")] = m_single->result().denseGmacs;
    o[QStringLiteral("ms")] = m_single->result().ms;
    o[QStringLiteral("dense_ms")] = m_single->result().denseMs;
    o[QStringLiteral("device")] = m_single->result().device;
    QJsonArray top;
    for (const RankedClass& c : topClasses(m_single->result().logits, 5))
        top.append(QJsonObject{{QStringLiteral("label"), m_session.info.label(c.index)},
                               {QStringLiteral("probability"), c.probability}});
    o[QStringLiteral("top5")] = top;
    QJsonArray tokens;
    for (double t : tokensPerLayer(m_single->result().trace)) tokens.append(t);
    o[QStringLiteral("tokens_per_block")] = tokens;
    o[QStringLiteral("provenance")] =
        QJsonDocument::fromJson(QByteArray::fromStdString(provenanceText(m_single->result().device.toStdString())))
            .object();
    return exportText(QJsonDocument(o).toJson(), path, error);
}

}  // namespace vp
