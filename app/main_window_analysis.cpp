// MainWindow: the Analysis menu — where the FLOPs saving goes on this machine: the efficiency
// view (GMACs saved vs time saved over methods, settings and batch sizes), the per-block time
// breakdown of the current setting, and the Pareto plot against measured latency.
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>

#include "efficiency_dialog.h"
#include "main_window.h"
#include "pareto_panel.h"
#include "time_breakdown_dialog.h"

namespace vp {

void MainWindow::buildAnalysisMenu() {
    QMenu* menu = menuBar()->addMenu(tr("&Analysis"));
    menu->addAction(tr("&Efficiency: GMACs saved vs time saved…"), this,
                    [this] { openAnalysis(QStringLiteral("efficiency")); });
    menu->addAction(tr("&Time breakdown of this setting…"), this,
                    [this] { openAnalysis(QStringLiteral("breakdown")); });
    menu->addAction(tr("Pareto plot against measured &latency"), this,
                    [this] { openAnalysis(QStringLiteral("latency")); });
    menu->addAction(tr("&Per-image cost…"), this, [this] { openPerImageCost(); });
    // --analysis NAME: opened once, after the first result.
    if (!m_options.analysis.isEmpty()) {
        auto* once = new QObject(this);
        connect(this, &MainWindow::resultShown, once, [this, once] {
            once->deleteLater();
            QTimer::singleShot(0, this, [this] {
                if (!openAnalysis(m_options.analysis, m_options.analysisFile))
                    report(tr("Analysis"), tr("--analysis %1: nothing to show").arg(m_options.analysis), 2);
            });
        });
    }
}

QWidget* MainWindow::openAnalysis(const QString& name, const QString& file) {
    if (!m_session.hasModel) {
        statusBar()->showMessage(tr("Open a model first"));
        return nullptr;
    }
    const QString spec = m_session.loadedModelSpec, modelName = m_session.info.name;
    if (name == QLatin1String("per-image")) return openPerImageCost(file.isEmpty() ? 1000 : file.toInt());
    if (name == QLatin1String("efficiency")) {
        auto* dialog = new EfficiencyDialog(spec, modelName, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        if (!file.isEmpty()) {
            QString error;
            if (!dialog->openTable(file, &error)) {
                report(tr("Efficiency"), error, 2);
                return dialog;
            }
            QTimer::singleShot(200, dialog, [this, dialog] { Q_EMIT analysisShown(dialog); });
        } else {
            connect(dialog, &EfficiencyDialog::runFinished, this, [this, dialog] { Q_EMIT analysisShown(dialog); });
            if (m_options.unattended()) dialog->run();
        }
        return dialog;
    }
    if (name == QLatin1String("breakdown")) {
        if (!m_single->hasResult()) {
            statusBar()->showMessage(tr("No result yet: the breakdown times the current setting"));
            return nullptr;
        }
        KnobValues values;
        for (const auto& [k, v] : m_single->result().knobs) values.set(k, v);
        auto* dialog = new TimeBreakdownDialog(spec, modelName, m_single->result().methodId, values, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &TimeBreakdownDialog::measured, this, [this, dialog] { Q_EMIT analysisShown(dialog); });
        dialog->show();
        dialog->measure();
        return dialog;
    }
    if (name == QLatin1String("latency")) {
        // Connected first: with every point cached, showMeasuredCost() reports at once.
        connect(
            m_pareto, &ParetoPanel::latencyMeasured, this, [this] { Q_EMIT analysisShown(this); },
            Qt::SingleShotConnection);
        // The question is the plot's: give it half the window so the legend leaves the curves free.
        if (auto* dock = qobject_cast<QDockWidget*>(m_pareto->parentWidget()))
            resizeDocks({dock}, {height() / 2}, Qt::Vertical);
        m_pareto->showMeasuredCost();
        return this;
    }
    return nullptr;
}

}  // namespace vp
