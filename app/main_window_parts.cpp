// The window's method-parts actions: File ▸ Open method parts… (a parts file from `vitprune
// train-method` or another run joins the open model) and Model ▸ Train method parts… (trains them
// here, in the background).
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QSettings>

#include "main_window.h"
#include "model/method_parts.h"
#include "model_source.h"
#include "side_panel.h"
#include "train_parts_dialog.h"

namespace vp {

void MainWindow::buildMethodPartsAction(QMenu* file) {
    QAction* open = file->addAction(tr("Open method &parts…"), this, [this] {
        const QString last = QSettings().value(QStringLiteral("parts/last")).toString();
        const QString path = QFileDialog::getOpenFileName(this, tr("Open method parts"),
                                                          last.isEmpty() ? QString() : QFileInfo(last).absolutePath(),
                                                          tr("Method parts (*.safetensors);;All files (*)"));
        if (!path.isEmpty()) openMethodParts(path);
    });
    open->setObjectName(QStringLiteral("openMethodPartsAction"));
}

void MainWindow::openMethodParts(const QString& path) {
    // Read it once here, so a file that is not a parts file is refused before the model is.
    try {
        ViTModel probe;
        loadMethodParts(probe, path.toStdString());
    } catch (const std::exception& e) {
        report(tr("Cannot open method parts"), QString::fromStdString(e.what()), 2);
        return;
    }
    QSettings().setValue(QStringLiteral("parts/last"), path);
    addStudioParts(m_session.modelSpec.toStdString(), path.toStdString());
    submit();
}

void MainWindow::buildModelMenu() {
    QMenu* model = menuBar()->addMenu(tr("&Model"));
    model->addAction(tr("&Train method parts…"), this, [this] {
        static QPointer<TrainPartsDialog> dialog;
        if (dialog && dialog->isRunning()) {
            dialog->raise();
            dialog->activateWindow();
            return;
        }
        delete dialog;
        dialog = new TrainPartsDialog(m_session.modelSpec, m_session.info.name, m_side->methodId(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose, false);
        connect(dialog, &TrainPartsDialog::partsReady, this, [this] { submit(); });
        dialog->show();
    });
    if (auto* open = findChild<QAction*>(QStringLiteral("openMethodPartsAction"))) model->addAction(open);
}

}  // namespace vp
