#include "main_window.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include "inference_worker.h"
#include "prune/registry.h"
#include "side_panel.h"
#include "widgets/knob_panel.h"
#include "widgets/patch_overlay_view.h"

namespace vp {

MainWindow::MainWindow(const StudioOptions& options, QWidget* parent)
    : QMainWindow(parent), m_options(options) {
    registerStudioMetaTypes();
    buildUi();
    buildMenus();
    setAcceptDrops(true);

    m_worker = new InferenceWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &InferenceWorker::modelLoaded, this, &MainWindow::onModelLoaded);
    connect(m_worker, &InferenceWorker::imageLoaded, this, &MainWindow::onImageLoaded);
    connect(m_worker, &InferenceWorker::resultReady, this, &MainWindow::onResult);
    connect(m_worker, &InferenceWorker::failed, this, &MainWindow::onFailed);
    connect(m_worker, &InferenceWorker::finished, this, &MainWindow::onFinished);
    connect(m_worker, &InferenceWorker::busy, this,
            [this](quint64, const QString& what) { statusBar()->showMessage(what); });
    m_thread.setObjectName(QStringLiteral("InferenceWorker"));
    m_thread.start();

    restoreSettings();
    if (m_options.method) m_side->setMethod(m_options.method->toStdString());
    for (const QString& s : m_options.sets) {
        const qsizetype eq = s.indexOf('=');
        m_side->knobs()->setValue(s.left(eq).trimmed().toStdString(), s.mid(eq + 1).trimmed().toStdString());
    }
    if (m_options.layer) m_layer = *m_options.layer;
    connect(m_side, &SidePanel::methodChanged, this, &MainWindow::submit);
    connect(m_side, &SidePanel::knobsChanged, this, &MainWindow::submit);
    updateTitle();
    submit();
}

MainWindow::~MainWindow() {
    m_thread.quit();
    m_thread.wait();  // a running forward finishes first; the worker is deleted on its thread
}

void MainWindow::buildUi() {
    auto* left = new QWidget(this);
    auto* lv = new QVBoxLayout(left);
    lv->setContentsMargins(6, 6, 6, 6);
    m_view = new PatchOverlayView(left);
    m_view->setPlaceholderText(tr("Open an image: File ▸ Open image…, or drop one here."));
    lv->addWidget(m_view, 1);

    auto* layerRow = new QHBoxLayout();
    auto* layerTitle = new QLabel(tr("Show after block:"), left);
    m_layerSlider = new QSlider(Qt::Horizontal, left);
    m_layerSlider->setRange(0, 0);
    m_layerSlider->setPageStep(1);
    m_layerSlider->setToolTip(tr("Which block's token fates the overlay shows (0-based, as --layer and the "
                                 "methods' block knobs)."));
    m_layerLabel = new QLabel(QStringLiteral("–"), left);
    m_layerLabel->setMinimumWidth(m_layerLabel->fontMetrics().horizontalAdvance(QStringLiteral("block 00 · 000 / 000 patches kept · 000 tokens (100%)")));
    layerRow->addWidget(layerTitle);
    layerRow->addWidget(m_layerSlider, 1);
    layerRow->addWidget(m_layerLabel);
    lv->addLayout(layerRow);
    connect(m_layerSlider, &QSlider::valueChanged, this, [this](int v) {
        m_layer = v;
        showLayer();
    });

    m_imageCaption = new QLabel(left);
    m_imageCaption->setWordWrap(true);
    m_imageCaption->setForegroundRole(QPalette::PlaceholderText);
    lv->addWidget(m_imageCaption);

    m_side = new SidePanel(builtinRegistry().specs(), this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_side);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_side->minimumWidth() + 16);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(left);
    m_splitter->addWidget(scroll);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);
    resize(1120, 720);
    m_splitter->setSizes({640, 480});
    statusBar()->showMessage(tr("Starting…"));
}

void MainWindow::submit() {
    StudioRequest r;
    r.generation = ++m_generation;
    r.modelSpec = m_modelSpec;
    r.imagePath = m_imagePath;
    r.methodId = m_side->methodId();
    r.knobs = m_side->knobValues();
    m_worker->submit(r);
}

void MainWindow::openModel(const QString& spec) {
    m_modelSpec = spec;
    submit();
}

void MainWindow::openImage(const QString& path) {
    m_imagePath = path;
    submit();
}

void MainWindow::onModelLoaded(quint64, const ModelInfo& info) {
    m_info = info;
    m_hasModel = true;
    m_loadedModelSpec = info.spec;
    m_hasResult = false;
    m_side->setModelInfo(info);
    m_view->setGrid(info.gridH, info.gridW);
    const int last = std::max(0, info.depth - 1);
    if (m_options.layer && *m_options.layer > last) {
        const QString msg = tr("--layer %1: %2 has blocks 0 to %3").arg(*m_options.layer).arg(info.name).arg(last);
        m_options.layer.reset();
        m_layer = -1;
        report(tr("Layer out of range"), msg, 2);
    }
    {
        const QSignalBlocker block(m_layerSlider);
        m_layerSlider->setRange(0, last);
        m_layerSlider->setValue(m_layer < 0 ? last : std::min(m_layer, last));
    }
    showLayer();
    if (!m_options.unattended()) QSettings().setValue(QStringLiteral("model/last"), info.spec);
    statusBar()->showMessage(tr("Model %1 loaded (%2 GMACs dense)").arg(info.name).arg(info.denseGmacs, 0, 'f', 3));
    updateTitle();
}

void MainWindow::onImageLoaded(quint64, const ImageInfo& info) {
    m_loadedImagePath = info.path;
    m_view->setImage(info.display);
    m_view->clearTrace();
    m_hasResult = false;
    m_imageCaption->setText(tr("%1 (%2×%3) — shown as the model sees it: %4×%4 %5")
                                .arg(QFileInfo(info.path).fileName())
                                .arg(info.original.width()).arg(info.original.height())
                                .arg(m_info.imageSize)
                                .arg(m_info.inChans == 1 ? tr("grey") : tr("RGB")));
    m_imageCaption->setToolTip(info.path);
    if (!m_options.unattended()) QSettings().setValue(QStringLiteral("image/last"), info.path);
    updateTitle();
}

void MainWindow::onResult(const StudioResult& result) {
    if (result.generation < m_shownGeneration) return;
    m_shownGeneration = result.generation;
    m_result = result;
    m_hasResult = true;
    m_side->setResult(result, m_info);
    showLayer();
    statusBar()->showMessage(tr("%1: %2 GMACs, %3 ms")
                                 .arg(QString::fromStdString(result.methodId))
                                 .arg(result.gmacs, 0, 'f', 4)
                                 .arg(result.ms, 0, 'f', 2));
    Q_EMIT resultShown();
}

void MainWindow::onFinished(quint64 generation) {
    // Without an image there is no result to wait for: the window is as complete as it gets.
    if (generation == m_generation && m_imagePath.isEmpty() && m_hasModel) {
        m_view->setImage(QImage());
        m_imageCaption->clear();
        Q_EMIT resultShown();
    }
}

void MainWindow::onFailed(const StudioFailure& f) {
    using Stage = StudioFailure::Stage;
    if (f.stage == Stage::Model) {
        if (f.subject != m_modelSpec) return;  // already reverted: a stale duplicate
        // Go back to the model that works first, so the window fills in behind the dialog.
        const QString back = m_hasModel ? m_loadedModelSpec : QString();
        if (back != m_modelSpec && !m_options.unattended()) {
            m_modelSpec = back;
            submit();
        }
        report(tr("Cannot open model"), f.message, f.exitCode);
    } else if (f.stage == Stage::Image) {
        if (f.subject != m_imagePath) return;
        const QString back = f.subject == m_loadedImagePath ? QString() : m_loadedImagePath;
        if (!m_options.unattended()) {
            m_imagePath = back;
            m_loadedImagePath = back;
            if (back.isEmpty()) {
                m_view->setImage(QImage());
                m_imageCaption->clear();
            }
            submit();
        }
        report(tr("Cannot open image"), f.message, f.exitCode);
    } else if (f.stage == Stage::Method) {
        report(tr("Invalid method settings"), f.message, f.exitCode);
    } else {
        report(tr("Inference failed"), f.message, f.exitCode);
    }
}

void MainWindow::report(const QString& title, const QString& message, int exitCode) {
    statusBar()->showMessage(message);
    if (m_options.unattended()) {
        Q_EMIT fatalError(message, exitCode);
        return;
    }
    QMessageBox::warning(this, title, message);
}

void MainWindow::showLayer() {
    if (!m_hasResult || m_result.trace.layers.empty()) {
        m_view->clearTrace();
        m_layerLabel->setText(m_hasModel ? tr("block %1 · no result yet").arg(m_layerSlider->value()) : QStringLiteral("–"));
        return;
    }
    const int last = static_cast<int>(m_result.trace.layers.size()) - 1;
    const int layer = m_layer < 0 ? last : std::min(m_layer, last);
    m_view->setTrace(m_result.trace, layer);
    const int kept = m_view->keptCount(), total = m_view->patchCount();
    // Merging keeps every patch but not every token: say how many tokens the MLP saw.
    const auto& lt = m_result.trace.layers[layer];
    const int tokens = lt.mlpTokens.empty() ? kept : lt.mlpTokens[0] - m_result.trace.prefix;
    m_layerLabel->setText(tr("block %1 · %2 / %3 patches kept · %4 tokens (%5%)")
                              .arg(layer).arg(kept).arg(total).arg(tokens)
                              .arg(total > 0 ? 100.0 * tokens / total : 100.0, 0, 'f', 0));
}

void MainWindow::updateTitle() {
    QString title = QStringLiteral("ViT Prune Studio");
    if (m_hasModel) title += QStringLiteral(" — ") + m_info.name;
    if (!m_loadedImagePath.isEmpty()) title += QStringLiteral(" — ") + QFileInfo(m_loadedImagePath).fileName();
    setWindowTitle(title);
}

}  // namespace vp
