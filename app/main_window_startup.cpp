// MainWindow: the start-up state in one place — the saved settings (window, last model, image,
// method and knobs), the command line on top of them, the options that need the loaded model
// (--sweep, --export-pareto, --layer's range), and saving the settings on close. Unattended runs
// (screenshots for docs and tests) neither read nor write the settings.
#include <QCloseEvent>
#include <QFileInfo>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>

#include "compare_view.h"
#include "inference_types.h"
#include "main_window.h"
#include "video_page.h"
#include "widgets/video_transport.h"
#include "measured_cost.h"
#include "model_source.h"
#include "pareto_panel.h"
#include "side_panel.h"
#include "widgets/knob_panel.h"

namespace vp {

void MainWindow::restoreSettings() {
    // Unattended runs (screenshots for docs and tests) neither read nor write the settings, so
    // they show exactly what the command line asks for.
    QSettings settings;
    const bool useSettings = !m_options.unattended();
    if (useSettings) {
        m_pareto->measuredCost()->rememberChoices();
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
        restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
        m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
        m_video->transport()->setSpeed(settings.value(QStringLiteral("video/speed"), 1.0).toDouble());
        m_video->transport()->setLoop(settings.value(QStringLiteral("video/loop"), false).toBool());
    }
    if (m_options.model)
        m_session.modelSpec = *m_options.model;
    else if (useSettings)
        m_session.modelSpec = settings.value(QStringLiteral("model/last")).toString();
    if (m_options.image) {
        m_session.imagePath = *m_options.image;
    } else {
        const QString last = useSettings ? settings.value(QStringLiteral("image/last")).toString() : QString();
        m_session.imagePath =
            !last.isEmpty() && QFileInfo(last).isFile() ? last : QString::fromStdString(defaultImagePath());
    }
    if (useSettings && !m_options.device)  // a choice this build lacks (no GPU now) stays on the CPU
        m_side->setDevice(settings.value(QStringLiteral("device/last")).toString());
    if (useSettings && !m_options.method) {
        // The last method and knobs; values that no longer validate fall back to the defaults.
        const std::string method = settings.value(QStringLiteral("method/last")).toString().toStdString();
        if (!method.empty() && m_side->setMethod(method)) {
            settings.beginGroup(QStringLiteral("knobs/") + QString::fromStdString(method));
            for (const QString& key : settings.childKeys())
                m_side->knobs()->setValue(key.toStdString(), settings.value(key).toString().toStdString());
            settings.endGroup();
        }
    }
}

void MainWindow::applyCommandLine() {
    if (m_options.device && !m_side->setDevice(*m_options.device))
        report(tr("Device"), tr("--device %1: this build has no such device (%2)")
                                 .arg(*m_options.device, availableComputeChoices().join(QStringLiteral(", "))),
               2);
    if (m_options.method) m_side->setMethod(m_options.method->toStdString());
    for (const QString& s : m_options.sets) {
        const qsizetype eq = s.indexOf('=');
        m_side->knobs()->setValue(s.left(eq).trimmed().toStdString(), s.mid(eq + 1).trimmed().toStdString());
    }
    if (!m_options.video.isEmpty()) {
        openVideo(m_options.video);
        if (m_options.playFrames > 0) m_video->play(true);
    }
    if (!m_options.compare.isEmpty()) {
        m_compare->setPaneCount(static_cast<int>(m_options.compare.size()));
        for (int i = 0; i < m_options.compare.size(); ++i)
            m_compare->setPaneMethod(i, m_options.compare[i].toStdString());
        if (m_options.layer) m_compare->setLayer(*m_options.layer);
        setCompareMode(true);
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_options.unattended()) {
        QSettings settings;
        settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
        settings.setValue(QStringLiteral("window/state"), saveState());
        settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
        settings.setValue(QStringLiteral("video/speed"), m_video->transport()->speed());
        settings.setValue(QStringLiteral("video/loop"), m_video->transport()->loop());
        const QString method = QString::fromStdString(m_side->methodId());
        settings.setValue(QStringLiteral("method/last"), method);
        settings.setValue(QStringLiteral("device/last"), m_side->device());
        settings.beginGroup(QStringLiteral("knobs/") + method);
        for (const auto& [id, value] : m_side->knobValues())
            settings.setValue(QString::fromStdString(id), QString::fromStdString(value));
        settings.endGroup();
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::applyStartupOptionsOnModel(const ModelInfo& info) {
    if (!m_options.sweep.isEmpty()) {  // --sweep FILE: once, over the cache of the choices
        QString error;
        const QString file = m_options.sweep;
        m_options.sweep.clear();
        if (!m_pareto->showSweepFile(file, &error)) {
            report(tr("Cannot open sweep results"), error, 2);
        } else if (!m_options.exportPareto.isEmpty()) {
            // Let the dock get its size first: the figure is the plot as laid out.
            QTimer::singleShot(0, this, [this] {
                QString err;
                if (exportPareto(m_options.exportPareto, &err))
                    statusBar()->showMessage(tr("Saved %1").arg(m_options.exportPareto));
                else
                    report(tr("Export failed"), err, 2);
            });
        }
    }
    const int last = std::max(0, info.depth - 1);
    if (m_options.layer && *m_options.layer > last) {
        const QString msg = tr("--layer %1: %2 has blocks 0 to %3").arg(*m_options.layer).arg(info.name).arg(last);
        m_options.layer.reset();
        m_single->setLayer(-1);
        report(tr("Layer out of range"), msg, 2);
    }
    if (m_options.layer) m_video->setLayer(*m_options.layer);
}

}  // namespace vp
