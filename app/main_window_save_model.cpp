// MainWindow: File ▸ Save pruned model… — the current structural method, with the knob values
// shown, applied to the open model as the inference worker does (readyMethod, calibration images
// from the default source), and the physically smaller model saved as a folder (config.json +
// model.safetensors) that every part of the app reopens: `vitprune prune` in the studio.
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <memory>

#include "background_job.h"
#include "io/dataset_batches.h"
#include "main_window.h"
#include "model/model_loader.h"
#include "model_source.h"
#include "prune/flops.h"
#include "prune/method_setup.h"
#include "prune/registry.h"
#include "side_panel.h"

namespace vp {
namespace {

const QString kSaveDirSetting = QStringLiteral("model/saveDir");

bool isStructural(const std::string& methodId) {
    try {
        return builtinRegistry().spec(methodId).family == "structural";
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace

void MainWindow::buildSaveModelAction(QMenu* file) {
    m_saveJob = new BackgroundJob(this);
    m_saveModelAction = file->addAction(tr("Save &pruned model…"), this, [this] {
        const QString dir = QSettings().value(kSaveDirSetting, QDir::homePath()).toString();
        const QString name =
            QStringLiteral("%1-%2").arg(m_session.info.name, QString::fromStdString(m_side->methodId()));
        const QString folder = QFileDialog::getSaveFileName(
            this, tr("Save pruned model (a folder: config.json + model.safetensors)"), dir + QLatin1Char('/') + name);
        if (folder.isEmpty()) return;
        QSettings().setValue(kSaveDirSetting, QFileInfo(folder).absolutePath());
        savePrunedModel(folder);
    });
    m_saveModelAction->setObjectName(QStringLiteral("savePrunedModelAction"));
    m_saveModelAction->setToolTip(
        tr("Save the model the current structural method makes (fewer heads, neurons or blocks) as a "
           "folder that the studio and the command line open like any other model"));
    connect(file, &QMenu::aboutToShow, this, &MainWindow::updateSaveModelAction);
    connect(m_saveJob, &BackgroundJob::progress, this,
            [this](int, int, const QString& text) { statusBar()->showMessage(text); });
    updateSaveModelAction();
}

void MainWindow::updateSaveModelAction() {
    if (!m_saveModelAction) return;
    m_saveModelAction->setEnabled(m_session.hasModel && !m_saveJob->isRunning() && isStructural(m_side->methodId()));
}

bool MainWindow::savePrunedModel(const QString& folder) {
    const std::string id = m_side->methodId();
    if (!m_session.hasModel || m_saveJob->isRunning() || !isStructural(id)) return false;
    const std::string spec = m_session.loadedModelSpec.toStdString(), path = folder.toStdString();
    const std::map<std::string, std::string> knobs = m_side->knobValues();
    auto summary = std::make_shared<QString>();  // written by the body, read once it has finished
    QProgressDialog* progress = nullptr;
    if (!m_options.unattended()) {
        progress =
            new QProgressDialog(tr("Pruning with %1…").arg(QString::fromStdString(id)), tr("Cancel"), 0, 0, this);
        progress->setWindowTitle(tr("Save pruned model"));
        progress->setMinimumDuration(300);
        progress->setAttribute(Qt::WA_DeleteOnClose);
        connect(progress, &QProgressDialog::canceled, m_saveJob, &BackgroundJob::cancel);
        connect(m_saveJob, &BackgroundJob::progress, progress,
                [progress](int, int, const QString& text) { progress->setLabelText(text); });
    }
    connect(
        m_saveJob, &BackgroundJob::finished, this,
        [this, folder, summary, progress](bool, const QString& error) {
            if (progress) {
                QObject::disconnect(progress, nullptr, m_saveJob, nullptr);  // closing emits canceled()
                progress->close();
            }
            updateSaveModelAction();
            // The summary is written after the folder: empty without an error = cancelled first.
            const bool written = error.isEmpty() && !summary->isEmpty();
            if (!error.isEmpty())
                report(tr("Save pruned model"), tr("Could not save the pruned model to %1:\n\n%2").arg(folder, error),
                       2);
            else if (!written)
                statusBar()->showMessage(tr("Saving the pruned model was cancelled; %1 was not written").arg(folder));
            else
                statusBar()->showMessage(tr("Saved the pruned model to %1 (%2)").arg(folder, *summary));
            Q_EMIT prunedModelSaved(folder, written ? QString() : error.isEmpty() ? tr("cancelled") : error);
        },
        Qt::SingleShotConnection);
    m_saveJob->start([spec, id, knobs, path, folder, summary](BackgroundJob& job) {
        job.reportProgress(0, 3, tr("Opening the model…"));
        const OpenedModel opened = openStudioModel(spec);
        if (job.cancelled()) return;
        job.reportProgress(1, 3, tr("Pruning with %1…").arg(QString::fromStdString(id)));
        // The same calibration images as the inference worker's (and the CLI's default --calib).
        const CalibrationProvider calibration =
            datasetCalibration(kDefaultCalibrationSource, opened.model.config(), [&job](int images) {
                job.reportProgress(1, 3, tr("Reading %1 calibration images (Fashion-MNIST train)…").arg(images));
            });
        const ReadyMethod ready = readyMethod(opened.model, id, knobValuesFrom(knobs), calibration);
        if (job.cancelled()) return;
        job.reportProgress(2, 3, tr("Saving %1…").arg(folder));
        const ViTModel model = ready.model().to(at::kCPU, at::kFloat);
        saveModelFolder(model, path);
        *summary = tr("%1 GMACs, %2 parameters").arg(toG(denseMacs(model)), 0, 'f', 4).arg(model.parameterCount());
    });
    updateSaveModelAction();
    statusBar()->showMessage(tr("Saving the pruned model to %1…").arg(folder));
    return true;
}

}  // namespace vp
