#include "main_window.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include "compare_view.h"
#include "inference_worker.h"
#include "pareto_panel.h"
#include "prune/registry.h"
#include "result_panel.h"
#include "side_panel.h"
#include "widgets/filmstrip.h"
#include "widgets/knob_panel.h"
#include "widgets/layer_strip.h"
#include "widgets/patch_overlay_view.h"
#include "widgets/token_map_view.h"

namespace vp {
namespace {

constexpr int kPlayStepMs = 450;

}  // namespace

MainWindow::MainWindow(const StudioOptions& options, QWidget* parent)
    : QMainWindow(parent), m_options(options) {
    registerStudioMetaTypes();
    m_history = new KnobHistory(this);
    buildUi();
    buildMenus();
    buildToolBar();
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

    connect(m_compare, &CompareView::paneRequest, this, &MainWindow::submitPane);
    restoreSettings();
    applyCommandLine();
    m_history->reset({m_side->methodId(), m_side->knobValues()});
    connect(m_side, &SidePanel::methodChanged, this, &MainWindow::userChangedState);
    connect(m_side, &SidePanel::knobsChanged, this, &MainWindow::userChangedState);
    connect(m_side, &SidePanel::budgetRequested, this, [this](double g) { submit(g); });
    connect(m_side, &SidePanel::deviceChanged, this, [this] {
        submit();
        if (compareMode()) m_compare->refreshAll();
    });
    connect(m_history, &KnobHistory::applyState, this, [this](const MethodState& s) {
        m_side->setState(s.methodId, s.knobs);
        submit();
    });
    connect(m_pareto, &ParetoPanel::settingRequested, this,
            [this](const QString& method, const std::map<std::string, std::string>& settings) {
                m_side->setState(method.toStdString(), settings);
                userChangedState();
            });
    updateTitle();
    submit();
}

MainWindow::~MainWindow() {
    m_thread.quit();
    m_thread.wait();  // a running forward finishes first; the worker is deleted on its thread
}

QWidget* MainWindow::buildSingleView() {
    auto* page = new QWidget(this);
    auto* lv = new QVBoxLayout(page);
    lv->setContentsMargins(6, 6, 6, 6);
    m_view = new PatchOverlayView(page);
    m_view->setPlaceholderText(tr("Open an image: File ▸ Open image…, or drop one here."));
    lv->addWidget(buildViewTabs(page), 1);

    auto* layerRow = new QHBoxLayout();
    auto* layerTitle = new QLabel(tr("Show after block:"), page);
    m_layerSlider = new QSlider(Qt::Horizontal, page);
    m_layerSlider->setRange(0, 0);
    m_layerSlider->setPageStep(1);
    m_layerSlider->setToolTip(tr("Which block's token fates the overlay shows (0-based, as --layer and the "
                                 "methods' block knobs)."));
    m_layerLabel = new QLabel(QStringLiteral("–"), page);
    m_layerLabel->setMinimumWidth(m_layerLabel->fontMetrics().horizontalAdvance(QStringLiteral("block 00 · 000 / 000 patches kept · 000 tokens (100%)")));
    layerRow->addWidget(layerTitle);
    layerRow->addWidget(m_layerSlider, 1);
    layerRow->addWidget(m_layerLabel);
    lv->addLayout(layerRow);
    connect(m_layerSlider, &QSlider::valueChanged, this, [this](int v) { setLayer(v); });

    m_strip = new LayerStrip(page);
    m_strip->setToolTip(tr("Every block: click one (or use ←/→) to show it above"));
    lv->addWidget(m_strip);
    connect(m_strip, &LayerStrip::layerSelected, this, [this](int l) { setLayer(l); });

    m_imageCaption = new QLabel(page);
    m_imageCaption->setWordWrap(true);
    m_imageCaption->setForegroundRole(QPalette::PlaceholderText);
    lv->addWidget(m_imageCaption);

    m_filmstrip = new Filmstrip(page);
    m_filmstrip->hide();
    lv->addWidget(m_filmstrip);
    connect(m_filmstrip, &Filmstrip::pathActivated, this, [this](const QString& p) { openImage(p); });
    return page;
}

void MainWindow::buildUi() {
    const std::vector<MethodSpec> specs = builtinRegistry().specs();
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildSingleView());
    m_compare = new CompareView(specs, this);
    m_pages->addWidget(m_compare);

    auto* right = new QWidget(this);
    auto* rv = new QVBoxLayout(right);
    rv->setContentsMargins(0, 0, 0, 0);
    m_side = new SidePanel(specs, right);
    m_resultPanel = new ResultPanel(right);
    rv->addWidget(m_side);
    rv->addWidget(m_resultPanel);
    rv->addStretch(1);
    connect(m_resultPanel, &ResultPanel::layerClicked, this, [this](int l) { setLayer(l); });
    // A dragged schedule bar is a knob edit like typing it: undoable, remembered, re-run.
    connect(m_resultPanel, &ResultPanel::scheduleEdited, this, [this](const std::string& id, const std::string& text) {
        m_side->knobs()->applyUserValue(id, text);
    });
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(right);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_side->minimumWidth() + 16);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_pages);
    m_splitter->addWidget(scroll);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_pareto = new ParetoPanel(this);
    auto* dock = new QDockWidget(tr("Accuracy vs cost (Pareto)"), this);
    dock->setObjectName(QStringLiteral("paretoDock"));
    dock->setWidget(m_pareto);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    resizeDocks({dock}, {300}, Qt::Vertical);

    m_playTimer = new QTimer(this);
    m_playTimer->setInterval(kPlayStepMs);
    connect(m_playTimer, &QTimer::timeout, this, [this] {
        const int last = std::max(0, m_info.depth - 1);
        const int next = shownLayer() >= last ? 0 : shownLayer() + 1;
        setLayer(next);
        if (next == last) {
            m_playTimer->stop();
            m_playAction->setChecked(false);
        }
    });
    resize(1440, 1000);
    m_splitter->setSizes({820, 600});
    statusBar()->showMessage(tr("Starting…"));
}

void MainWindow::buildToolBar() {
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction* undo = m_history->stack()->createUndoAction(this, tr("Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_history->stack()->createRedoAction(this, tr("Redo"));
    redo->setShortcut(QKeySequence::Redo);
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();
    m_playAction = bar->addAction(tr("▶ Play blocks"));
    m_playAction->setCheckable(true);
    m_playAction->setToolTip(tr("Step through the blocks one after another"));
    connect(m_playAction, &QAction::toggled, this, [this](bool on) {
        if (!on) return m_playTimer->stop();
        if (shownLayer() >= m_info.depth - 1) setLayer(0);
        m_playTimer->start();
    });
    m_compareAction = bar->addAction(tr("Compare"));
    m_compareAction->setCheckable(true);
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_compareAction->setToolTip(tr("Compare 2–4 methods side by side on this image (Ctrl+K)"));
    connect(m_compareAction, &QAction::toggled, this, &MainWindow::setCompareMode);
    QAction* prev = bar->addAction(tr("◀ Image"));
    prev->setShortcut(QKeySequence(Qt::Key_PageUp));
    connect(prev, &QAction::triggered, this, [this] { m_filmstrip->step(-1); });
    QAction* next = bar->addAction(tr("Image ▶"));
    next->setShortcut(QKeySequence(Qt::Key_PageDown));
    connect(next, &QAction::triggered, this, [this] { m_filmstrip->step(1); });
}

void MainWindow::setCompareMode(bool on) {
    if (m_compareAction->isChecked() != on) {
        const QSignalBlocker block(m_compareAction);
        m_compareAction->setChecked(on);
    }
    m_pages->setCurrentIndex(on ? 1 : 0);
    if (on) m_compare->refreshAll();
}

bool MainWindow::compareMode() const {
    return m_pages->currentIndex() == 1;
}

void MainWindow::userChangedState() {
    m_history->record({m_side->methodId(), m_side->knobValues()});
    submit();
}

void MainWindow::submit(std::optional<double> budget) {
    StudioRequest r;
    r.generation = ++m_generation;
    r.modelSpec = m_modelSpec;
    r.imagePath = m_imagePath;
    r.methodId = m_side->methodId();
    r.knobs = m_side->knobValues();
    r.budgetGmacs = budget;
    r.device = m_side->device();
    r.withTokenMap = tokenMapShown();
    if (budget) m_budgetGeneration = r.generation;
    m_worker->submit(r);
}

void MainWindow::submitPane(StudioRequest r) {
    r.generation = ++m_generation;
    r.modelSpec = m_modelSpec;
    r.imagePath = m_imagePath;
    r.device = m_side->device();
    m_worker->submit(r);
}

void MainWindow::openModel(const QString& spec) {
    m_modelSpec = spec;
    submit();
    if (compareMode()) m_compare->refreshAll();
}

void MainWindow::openImage(const QString& path) {
    m_imagePath = path;
    m_filmstrip->setCurrentPath(path);
    submit();
    if (compareMode()) m_compare->refreshAll();
}

void MainWindow::openImages(const QStringList& paths) {
    if (paths.isEmpty()) return;
    m_filmstrip->setPaths(paths);
    openImage(paths.first());
}

void MainWindow::onModelLoaded(quint64, const ModelInfo& info) {
    m_info = info;
    m_hasModel = true;
    m_loadedModelSpec = info.spec;
    m_hasResult = false;
    m_side->setModelInfo(info);
    m_resultPanel->clear();
    m_compare->setModelInfo(info);
    m_pareto->setModel(info.spec, info.name, info.denseGmacs);
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
                if (exportPareto(m_options.exportPareto, &err)) statusBar()->showMessage(tr("Saved %1").arg(m_options.exportPareto));
                else report(tr("Export failed"), err, 2);
            });
        }
    }
    m_view->setGrid(info.gridH, info.gridW);
    showTokenMap();
    m_strip->clear();
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
    if (!m_options.unattended() && !info.standIn) rememberRecent(QStringLiteral("model/recent"), info.spec);
    if (!m_options.unattended()) QSettings().setValue(QStringLiteral("model/last"), info.spec);
    statusBar()->showMessage(tr("Model %1 loaded (%2 GMACs dense)").arg(info.name).arg(info.denseGmacs, 0, 'f', 3));
    updateTitle();
}

void MainWindow::onImageLoaded(quint64, const ImageInfo& info) {
    m_loadedImagePath = info.path;
    m_image = info;
    m_view->setImage(info.display);
    m_view->clearTrace();
    m_tokenMap->setImage(info.display);
    m_strip->setImage(info.display);
    m_compare->setImage(info.display);
    m_hasResult = false;
    showTokenMap();
    m_imageCaption->setText(tr("%1 (%2×%3) — shown as the model sees it: %4×%4 %5")
                                .arg(QFileInfo(info.path).fileName())
                                .arg(info.original.width()).arg(info.original.height())
                                .arg(m_info.imageSize)
                                .arg(m_info.inChans == 1 ? tr("grey") : tr("RGB")));
    m_imageCaption->setToolTip(info.path);
    if (!m_options.unattended()) {
        QSettings().setValue(QStringLiteral("image/last"), info.path);
        rememberRecent(QStringLiteral("image/recent"), info.path);
    }
    updateTitle();
}

void MainWindow::onResult(const StudioResult& result) {
    if (result.pane > 0) {
        m_compare->setResult(result);
        bool all = true;
        for (int i = 0; i < m_compare->paneCount(); ++i) all = all && m_compare->paneHasResult(i);
        if (all && compareMode()) Q_EMIT resultShown();
        return;
    }
    if (result.generation < m_shownGeneration) return;
    m_shownGeneration = result.generation;
    m_result = result;
    m_hasResult = true;
    if (result.generation == m_budgetGeneration && result.generation == m_generation &&
        result.knobs != m_side->knobValues() && result.methodId == m_side->methodId()) {
        // A budget was solved into the main knob: show it, and make it one undoable step.
        m_side->showKnobs(result.knobs);
        m_history->record({result.methodId, m_side->knobValues()});
    }
    m_side->setResult(result);
    m_resultPanel->setResult(result, m_info);
    m_strip->setTrace(result.trace);
    showTokenMap();
    m_pareto->setCurrent(QString::fromStdString(result.methodId), result.gmacs);
    showLayer();
    statusBar()->showMessage(tr("%1: %2 GMACs, %3 ms")
                                 .arg(QString::fromStdString(result.methodId))
                                 .arg(result.gmacs, 0, 'f', 4)
                                 .arg(result.ms, 0, 'f', 2));
    if (!compareMode()) Q_EMIT resultShown();
}

void MainWindow::onFinished(quint64 generation) {
    // Without an image there is no result to wait for: the window is as complete as it gets.
    if (generation == m_generation && m_imagePath.isEmpty() && m_hasModel) {
        m_view->setImage(QImage());
        m_imageCaption->clear();
        Q_EMIT resultShown();
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

int MainWindow::shownLayer() const {
    const int depth = m_hasResult ? static_cast<int>(m_result.trace.layers.size()) : m_info.depth;
    const int last = std::max(0, depth - 1);
    return m_layer < 0 ? last : std::min(m_layer, last);
}

void MainWindow::setLayer(int layer) {
    m_layer = layer;
    if (m_layerSlider->value() != layer) {
        const QSignalBlocker block(m_layerSlider);
        m_layerSlider->setValue(layer);
    }
    m_compare->setLayer(layer);
    showLayer();
}

void MainWindow::showLayer() {
    const int layer = shownLayer();
    m_strip->setCurrentLayer(layer);
    m_resultPanel->setCurrentLayer(layer);
    m_tokenMap->setLayer(layer);
    if (!m_hasResult || m_result.trace.layers.empty()) {
        m_view->clearTrace();
        m_layerLabel->setText(m_hasModel ? tr("block %1 · no result yet").arg(m_layerSlider->value()) : QStringLiteral("–"));
        return;
    }
    m_view->setTrace(m_result.trace, layer);
    const int kept = m_view->keptCount(), total = m_view->patchCount();
    // Merging keeps every patch but not every token: say how many tokens the MLP saw.
    const int tokens = static_cast<int>(tokensPerLayer(m_result.trace)[layer]);
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
