// MainWindow: File ▸ Export — the overlay of every block, the comparison and the Pareto plot as
// PNG/SVG/PDF figures, and the data behind them as CSV/JSON. Every write is atomic.
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

#include "compare_view.h"
#include "main_window.h"
#include "pareto_panel.h"
#include "result_panel.h"
#include "save_path.h"
#include "widgets/figure_export.h"
#include "widgets/overlay_grid_figure.h"
#include "widgets/pareto_plot.h"
#include "widgets/qcp.h"

namespace vp {
namespace {

constexpr int kParetoWidth = 640, kParetoHeight = 420;  // layout pixels (96 dpi)
const QString kFigureFilters = figureFilters();
bool isFigure(const QString& suffix) { return isFigureSuffix(suffix); }

}  // namespace

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
    OverlayGridFigure figure;
    figure.setContent(m_session.image.display, m_single->result().trace,
                      tr("%1 · %2 · %3 GMACs")
                          .arg(m_session.info.name, QString::fromStdString(m_single->result().methodId))
                          .arg(m_single->result().gmacs, 0, 'f', 3),
                      0, 180);
    return exportWidgetFigure(&figure, path, kFigureDpi, error);
}

bool MainWindow::exportComparison(const QString& path, QString* error) {
    if (!isFigure(suffixOf(path))) {
        *error = tr("%1: the comparison exports as PNG, SVG or PDF").arg(path);
        return false;
    }
    if (!compareMode()) setCompareMode(true);
    return exportWidgetFigure(m_compare->panesWidget(), path, kFigureDpi, error);
}

bool MainWindow::exportPareto(const QString& path, QString* error) {
    const QString suffix = suffixOf(path);
    if (suffix == QLatin1String("csv")) return exportText(m_pareto->csv().toUtf8(), path, error);
    if (suffix == QLatin1String("json")) return exportText(m_pareto->json(), path, error);
    // A paper-sized figure, whatever the dock's shape on screen.
    return exportPlot(m_pareto->plot()->plot(), path, kParetoWidth, kParetoHeight, kFigureDpi, error);
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
    return exportText(QJsonDocument(o).toJson(), path, error);
}

}  // namespace vp
