#include "main_window.h"
#include "panel_input_guard.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include "compare_view.h"
#include "pareto_panel.h"
#include "prune/registry.h"
#include "result_panel.h"
#include "side_panel.h"
#include "video_page.h"
#include "widgets/filmstrip.h"
#include "widgets/knob_panel.h"
#include "widgets/patch_overlay_view.h"

namespace vp {

MainWindow::MainWindow(const StudioOptions& options, QWidget* parent) : QMainWindow(parent), m_options(options) {
    registerStudioMetaTypes();
    m_history = new KnobHistory(this);
    buildUi();
    buildMenus();
    buildToolBar();
    setAcceptDrops(true);
    connectWorker();
    restoreSettings();
    applyCommandLine();
    m_history->reset({m_side->methodId(), m_side->knobValues()});
    connectPanels();
    updateTitle();
    submit();
}

MainWindow::~MainWindow() = default;  // m_inference waits for a running forward, then goes

void MainWindow::connectWorker() {
    InferenceWorker* worker = m_inference.get();
    connect(worker, &InferenceWorker::modelLoaded, this, &MainWindow::onModelLoaded);
    connect(worker, &InferenceWorker::imageLoaded, this, &MainWindow::onImageLoaded);
    connect(worker, &InferenceWorker::resultReady, this, &MainWindow::onResult);
    connect(worker, &InferenceWorker::failed, this, &MainWindow::onFailed);
    connect(worker, &InferenceWorker::finished, this, &MainWindow::onFinished);
    connect(worker, &InferenceWorker::busy, this,
            [this](quint64, const QString& what) { statusBar()->showMessage(what); });
    // Before the command line opens compare mode: its panes' first requests must reach the worker.
    connect(m_compare, &CompareView::paneRequest, this, &MainWindow::submitPane);
}

// After the start-up state is applied, so that restoring it records no undo step.
void MainWindow::connectPanels() {
    connect(m_side, &SidePanel::methodChanged, this, &MainWindow::userChangedState);
    connect(m_side, &SidePanel::methodChanged, this, &MainWindow::updateSaveModelAction);
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
    connect(m_single, &SingleImagePage::layerChanged, m_compare, &CompareView::setLayer);
    connect(m_single, &SingleImagePage::layerShown, m_resultPanel, &ResultPanel::setCurrentLayer);
    connect(m_single, &SingleImagePage::imageActivated, this, &MainWindow::openImage);
    // Shown now, and no newer request on its way (which asks for the map): ask again, with one.
    connect(m_single, &SingleImagePage::tokenMapWanted, this, [this](quint64 generation) {
        if (generation == m_session.generation) submit();
    });
    connect(m_single, &SingleImagePage::attentionWanted, this, [this](quint64 generation) {
        if (generation == m_session.generation) submit();
    });
    // The layer strip's attention toggles: a knob edit like typing it (re-run), each its own undo
    // step. Several knobs may change together, so they are shown first and recorded as one step.
    connect(m_single, &SingleImagePage::knobsEdited, this, [this](const std::map<std::string, std::string>& edits) {
        std::map<std::string, std::string> knobs = m_side->knobValues();
        for (const auto& [id, text] : edits) knobs[id] = text;
        if (knobs == m_side->knobValues()) return;
        m_side->showKnobs(knobs);
        m_history->recordStep({m_side->methodId(), m_side->knobValues()});
        submit();
    });
}

void MainWindow::buildUi() {
    const std::vector<MethodSpec> specs = builtinRegistry().specs();
    m_pages = new QStackedWidget(this);
    m_single = new SingleImagePage(m_options, this);
    m_pages->addWidget(m_single);
    m_compare = new CompareView(specs, this);
    m_pages->addWidget(m_compare);
    m_video = new VideoPage(this);
    m_pages->addWidget(m_video);
    connect(m_video, &VideoPage::failed, this, [this](const QString& message) { report(tr("Video"), message, 2); });
    connect(m_video, &VideoPage::frameShown, this, [this] {
        // --play N: the start-up video plays until its N-th frame is on screen.
        const qint64 wanted = std::max(1, m_options.playFrames);
        if (!videoMode()) return;
        const VideoFrameView& f = m_video->lastFrame();
        statusBar()->showMessage(tr("Frame %1 · %2: %3 GMACs (dense %4), %5 ms")
                                     .arg(f.index)
                                     .arg(f.methodId)
                                     .arg(f.gmacs, 0, 'f', 4)
                                     .arg(f.denseGmacs, 0, 'f', 4)
                                     .arg(f.ms, 0, 'f', 2));
        if (m_video->framesShown() != wanted) return;
        if (m_options.playFrames > 0) m_video->play(false);
        Q_EMIT resultShown();
    });
    connect(m_video, &VideoPage::opened, this, [this](const VideoOpened& info) {
        statusBar()->showMessage(tr("Video %1: %2×%3, %4 fps, %5 frames")
                                     .arg(info.origin)
                                     .arg(info.width)
                                     .arg(info.height)
                                     .arg(info.fps, 0, 'f', 1)
                                     .arg(info.frameCount >= 0 ? QString::number(info.frameCount) : tr("unknown")));
        updateTitle();
    });

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
    connect(m_resultPanel, &ResultPanel::scheduleEdited, this,
            [this](const std::string& id, const std::string& text) { m_side->knobs()->applyUserValue(id, text); });
    auto* scroll = new QScrollArea(this);
    m_sideScroll = scroll;
    scroll->setWidget(right);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_side->minimumWidth() + 16);
    auto* guard = new PanelInputGuard(scroll, this);
    guard->setWindowShortcuts({QKeySequence(Qt::CTRL | Qt::Key_E)});  // File ▸ Export ▸ Overlay

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
    // The default size fits the screen it opens on (a 1366×768 laptop included).
    const QSize room = screen() ? screen()->availableGeometry().size() * 0.95 : QSize(1440, 1000);
    resize(std::min(1440, room.width()), std::min(1000, room.height()));
    m_splitter->setSizes({width() * 4 / 7, width() * 3 / 7});
    resizeDocks({dock}, {std::min(300, height() / 3)}, Qt::Vertical);
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
    bar->addAction(m_single->playAction());
    m_compareAction = bar->addAction(tr("Compare"));
    m_compareAction->setCheckable(true);
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_compareAction->setToolTip(tr("Compare 2–4 methods side by side on this image (Ctrl+K)"));
    connect(m_compareAction, &QAction::toggled, this, &MainWindow::setCompareMode);
    QAction* prev = bar->addAction(tr("◀ Image"));
    prev->setShortcut(QKeySequence(Qt::Key_PageUp));
    connect(prev, &QAction::triggered, this, [this] { m_single->filmstrip()->step(-1); });
    QAction* next = bar->addAction(tr("Image ▶"));
    next->setShortcut(QKeySequence(Qt::Key_PageDown));
    connect(next, &QAction::triggered, this, [this] { m_single->filmstrip()->step(1); });
}

void MainWindow::setCompareMode(bool on) {
    if (m_compareAction->isChecked() != on) {
        const QSignalBlocker block(m_compareAction);
        m_compareAction->setChecked(on);
    }
    showPage(on ? static_cast<QWidget*>(m_compare) : m_single);
    if (on) m_compare->refreshAll();
    if (!on) submit();  // the single view follows the side panel again (after the video page)
}

bool MainWindow::compareMode() const { return m_pages->currentWidget() == m_compare; }

bool MainWindow::videoMode() const { return m_pages->currentWidget() == m_video; }

void MainWindow::showPage(QWidget* page) {
    // Playback nobody sees would keep two forwards per frame competing with the other pages.
    if (page != m_video && m_pages->currentWidget() == m_video) m_video->play(false);
    m_pages->setCurrentWidget(page);
    // The result panel describes the still image; the video page shows its frames' results itself.
    m_resultPanel->setVisible(page != m_video);
    m_side->setBudgetVisible(page != m_video);
    // Compare panes carry their own methods, knobs and lock: the single view's panel would only
    // describe something else.
    m_sideScroll->setVisible(page != m_compare);
}

void MainWindow::openVideo(const QString& path) {
    if (compareMode()) setCompareMode(false);
    m_session.videoPath = path;
    showPage(m_video);
    if (m_session.hasModel) m_video->setDepth(m_session.info.depth);
    m_video->setMethod(m_side->methodId(), m_side->knobValues());
    m_video->openVideo(path, m_session.modelSpec);
    if (!m_options.unattended()) rememberRecent(QStringLiteral("video/recent"), path);
    updateTitle();
}

void MainWindow::userChangedState() {
    m_history->record({m_side->methodId(), m_side->knobValues()});
    submit();
}

void MainWindow::submit(std::optional<double> budget) {
    if (videoMode()) {
        // The video page runs the method on its frames; the still-image worker is only needed to
        // load a newly chosen model (its info fills the side panel).
        m_video->setMethod(m_side->methodId(), m_side->knobValues());
        if (m_session.modelSpec == m_session.loadedModelSpec && m_session.hasModel) return;
    }
    StudioRequest r;
    r.generation = ++m_session.generation;
    r.modelSpec = m_session.modelSpec;
    // On the video page only the model is wanted from this worker: no still-image forwards that would
    // compete with the video's for the CPU.
    r.imagePath = videoMode() ? QString() : m_session.imagePath;
    r.methodId = m_side->methodId();
    r.knobs = m_side->knobValues();
    r.budgetGmacs = budget;
    r.device = m_side->device();
    r.withTokenMap = tokenMapShown();
    r.withAttention = m_single->attentionShown();
    if (budget) m_session.budgetGeneration = r.generation;
    m_inference->submit(r);
}

void MainWindow::submitPane(StudioRequest r) {
    r.generation = ++m_session.generation;
    r.modelSpec = m_session.modelSpec;
    r.imagePath = m_session.imagePath;
    r.device = m_side->device();
    m_inference->submit(r);
}

void MainWindow::openModel(const QString& spec) {
    m_session.modelSpec = spec;
    submit();
    if (compareMode()) m_compare->refreshAll();
}

void MainWindow::openImage(const QString& path) {
    if (videoMode()) showPage(m_single);
    m_session.imagePath = path;
    m_single->filmstrip()->setCurrentPath(path);
    submit();
    if (compareMode()) m_compare->refreshAll();
}

void MainWindow::openImages(const QStringList& paths) {
    if (paths.isEmpty()) return;
    m_single->filmstrip()->setPaths(paths);
    openImage(paths.first());
}

void MainWindow::onModelLoaded(quint64, const ModelInfo& info) {
    m_session.info = info;
    m_session.hasModel = true;
    m_session.loadedModelSpec = info.spec;
    m_side->setModelInfo(info);
    m_resultPanel->clear();
    m_compare->setModelInfo(info);
    m_pareto->setModel(info.spec, info.name, info.denseGmacs, info.numClasses);
    applyStartupOptionsOnModel(info);
    m_single->setModelInfo(info);
    m_video->setDepth(info.depth);
    if (m_video->hasVideo() && m_video->modelSpec() != m_session.modelSpec)
        m_video->openVideo(m_session.videoPath, m_session.modelSpec);
    if (!m_options.unattended() && !info.standIn) rememberRecent(QStringLiteral("model/recent"), info.spec);
    if (!m_options.unattended()) QSettings().setValue(QStringLiteral("model/last"), info.spec);
    statusBar()->showMessage(tr("Model %1 loaded (%2 GMACs dense)").arg(info.name).arg(info.denseGmacs, 0, 'f', 3));
    updateTitle();
}

void MainWindow::onImageLoaded(quint64, const ImageInfo& info) {
    m_session.loadedImagePath = info.path;
    m_session.image = info;
    m_single->setImage(info);
    m_compare->setImage(info.display);
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
    if (result.generation < m_session.shownGeneration) return;
    m_session.shownGeneration = result.generation;
    if (result.generation == m_session.budgetGeneration && result.generation == m_session.generation &&
        result.knobs != m_side->knobValues() && result.methodId == m_side->methodId()) {
        // A budget was solved into the main knob: show it, and make it one undoable step.
        m_side->showKnobs(result.knobs);
        m_history->record({result.methodId, m_side->knobValues()});
    }
    m_side->setResult(result);
    updateSaveModelAction();
    m_resultPanel->setResult(result, m_session.info);
    m_pareto->setCurrent(QString::fromStdString(result.methodId), result.gmacs);
    m_single->setResult(result);
    if (!videoMode())
        statusBar()->showMessage(result.timedRuns > 0 ? tr("%1: %2 GMACs, %3 ms")
                                                            .arg(QString::fromStdString(result.methodId))
                                                            .arg(result.gmacs, 0, 'f', 4)
                                                            .arg(result.ms, 0, 'f', 2)
                                                      : tr("%1: %2 GMACs, timing…")
                                                            .arg(QString::fromStdString(result.methodId))
                                                            .arg(result.gmacs, 0, 'f', 4));
    if (!compareMode() && !videoMode()) Q_EMIT resultShown();
}

void MainWindow::onFinished(quint64 generation) {
    // Without an image there is no result to wait for: the window is as complete as it gets.
    if (generation == m_session.generation && m_session.imagePath.isEmpty() && m_session.hasModel && !videoMode()) {
        m_single->clearImage();
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

void MainWindow::setLayer(int layer) { m_single->setLayer(layer); }

// "model — image"; Qt adds the application's display name ("— ViT Prune Studio") itself.
void MainWindow::updateTitle() {
    QStringList parts;
    if (m_session.hasModel) parts << m_session.info.name;
    if (videoMode() && !m_session.videoPath.isEmpty())
        parts << QFileInfo(m_session.videoPath).fileName();
    else if (!m_session.loadedImagePath.isEmpty())
        parts << QFileInfo(m_session.loadedImagePath).fileName();
    setWindowTitle(parts.join(QStringLiteral(" — ")));
}

}  // namespace vp
