// MainWindow: Analysis ▸ Per-image cost… — the current model, method and knobs over a dataset,
// one cost per image (PerImageCostDialog).
#include <QStatusBar>

#include "main_window.h"
#include "per_image_cost_dialog.h"
#include "side_panel.h"

namespace vp {

QWidget* MainWindow::openPerImageCost(int images) {
    if (!m_session.hasModel) {
        statusBar()->showMessage(tr("Open a model first"));
        return nullptr;
    }
    PerImageCostDialog* dialog = showPerImageCostDialog(this, [this] {
        PerImageSubject s;
        s.modelSpec = m_session.loadedModelSpec;
        s.modelName = m_session.info.name;
        s.methodId = m_side->methodId();
        s.knobs = m_side->knobValues();
        s.denseGmacs = m_session.info.denseGmacs;
        return s;
    });
    if (images > 0) {
        // --analysis per-image[=N]: the first N Fashion-MNIST test images, measured at once.
        if (m_options.unattended()) {
            dialog->setRemembersSettings(false);  // and the saved choices do not apply
            dialog->setBins(PerImageCostDialog::kDefaultBins);
        }
        dialog->setDatasetSpec(QStringLiteral("fashion-mnist"));
        dialog->setImageCount(images);
        connect(
            dialog, &PerImageCostDialog::runEnded, this,
            [this, dialog] {
                if (dialog->hasCosts())
                    Q_EMIT analysisShown(dialog);
                else
                    report(tr("Per-image cost"), dialog->statusText(), 2);
            },
            Qt::SingleShotConnection);
        dialog->run();
    }
    return dialog;
}

}  // namespace vp
