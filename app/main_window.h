#pragma once
// The studio's main window. Left, one of three pages: the single-image page (SingleImagePage: the
// image with the patch fates of one block, every block below, a filmstrip), the compare page
// (CompareView: 2–4 panes) or the video page (VideoPage: a video played through the method). Right: model, method, knobs, budget and device (SidePanel), then the
// pruned-vs-dense prediction, cost and kept tokens per block (ResultPanel); the Pareto plot in a
// dock below. Every change becomes a StudioRequest for the InferenceWorker; results come back as
// plain data. Start-up options are applied in one place (main_window_startup.cpp).
#include <QMainWindow>

#include "inference_types.h"
#include "inference_worker.h"
#include "knob_history.h"
#include "single_image_page.h"
#include "studio_options.h"
#include "studio_session.h"
#include "worker_thread.h"

class QScrollArea;
class QSplitter;
class QStackedWidget;
class QAction;
class QMenu;

namespace vp {

class BackgroundJob;
class CompareView;
class ParetoPanel;
class PatchOverlayView;
class ResultPanel;
class SidePanel;
class TokenMapView;
class VideoPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const StudioOptions& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opening by path (menus, drag & drop, tests). The worker reports failures.
    void openModel(const QString& spec);
    void openImage(const QString& path);
    void openImages(const QStringList& paths);  // several: the filmstrip steps through them
    // A video file or camera:N: shows the video page, which plays it through the current method.
    void openVideo(const QString& path);
    bool videoMode() const;
    VideoPage* videoPage() const { return m_video; }
    void setCompareMode(bool on);
    bool compareMode() const;

    // For tests and the responsiveness benchmark.
    SidePanel* sidePanel() const { return m_side; }
    ResultPanel* resultPanel() const { return m_resultPanel; }
    CompareView* compareView() const { return m_compare; }
    ParetoPanel* paretoPanel() const { return m_pareto; }
    SingleImagePage* singleImagePage() const { return m_single; }
    PatchOverlayView* overlayView() const { return m_single->overlayView(); }
    TokenMapView* tokenMapView() const { return m_single->tokenMapView(); }
    // The single view's "Token map" tab (else "Patches"); the worker computes maps only while shown.
    bool tokenMapShown() const { return m_single->tokenMapShown(); }
    void setTokenMapShown(bool on) { m_single->setTokenMapShown(on); }
    KnobHistory* history() const { return m_history; }
    const StudioOptions& options() const { return m_options; }
    quint64 lastSubmittedGeneration() const { return m_session.generation; }
    quint64 shownGeneration() const { return m_session.shownGeneration; }
    const StudioResult& shownResult() const { return m_single->result(); }
    int shownLayer() const { return m_single->shownLayer(); }

    // Export (File menu; also tests): by suffix .png/.svg/.pdf (figures) or .csv/.json (data).
    bool exportOverlayGrid(const QString& path, QString* error);
    bool exportComparison(const QString& path, QString* error);
    QString figureCaption(const QString& what) const;
    bool exportKeepMasks(const QString& path, QString* error);
    bool exportPareto(const QString& path, QString* error);
    bool exportResultData(const QString& path, QString* error);
    // File ▸ Save pruned model… without the dialog: the current structural method and knobs on the
    // open model, saved into `folder` in the background (prunedModelSaved reports the end). False
    // (nothing started) when the method is not structural, no model is open or a save is running.
    bool savePrunedModel(const QString& folder);
    QAction* saveModelAction() const { return m_saveModelAction; }

Q_SIGNALS:
    // A result is on screen (the overlay, predictions and cost show it).
    void resultShown();
    // An Analysis view asked for on the command line (--analysis) is complete: measured, or its
    // table loaded. `view` is what a screenshot saves.
    void analysisShown(QWidget* view);
    // Unattended mode only: what would have been a dialog. exitCode 2 = bad input, 1 = internal.
    void fatalError(const QString& message, int exitCode);
    // A savePrunedModel run ended: error empty when `folder` was written, else why not ("cancelled").
    void prunedModelSaved(const QString& folder, const QString& error);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildUi();
    void connectWorker();
    void connectPanels();
    void buildMenus();
    void buildExportMenu(QMenu* file);
    // File ▸ Save pruned model… (main_window_save_model.cpp), enabled for structural methods.
    void buildSaveModelAction(QMenu* file);
    void updateSaveModelAction();
    void buildAnalysisMenu();
    void buildMethodPartsAction(QMenu* file);  // File ▸ Open method parts…
    void buildModelMenu();                     // Model ▸ Train method parts…
    void openMethodParts(const QString& path);
    // Opens an Analysis view (efficiency, breakdown, latency) for the current model and setting;
    // `file`: an efficiency table to show instead of measuring. Returns the view (nullptr: none).
    QWidget* openAnalysis(const QString& name, const QString& file = QString());
    // Analysis ▸ Per-image cost: the dialog for the current setting; images > 0 runs it at once
    // on that many Fashion-MNIST test images (--analysis per-image=N).
    QWidget* openPerImageCost(int images = 0);
    void buildToolBar();
    void restoreSettings();
    void applyCommandLine();
    // The start-up options that need the model (--sweep, --export-pareto, --layer's range): once.
    void applyStartupOptionsOnModel(const ModelInfo& info);
    void rememberRecent(const QString& key, const QString& path);
    void fillRecentMenu(QMenu* menu, const QString& key, void (MainWindow::*open)(const QString&));
    void submit(std::optional<double> budget = std::nullopt);
    void submitPane(StudioRequest request);
    void userChangedState();
    void setLayer(int layer);
    void showPage(QWidget* page);
    void updateTitle();
    void report(const QString& title, const QString& message, int exitCode);
    void exportDialog(const QString& title, const QString& filters,
                      bool (MainWindow::*exporter)(const QString&, QString*));

    void onModelLoaded(quint64 generation, const ModelInfo& info);
    void onImageLoaded(quint64 generation, const ImageInfo& info);
    void onResult(const StudioResult& result);
    void onFailed(const StudioFailure& failure);
    void onFinished(quint64 generation);

    StudioOptions m_options;
    WorkerThread<InferenceWorker> m_inference{QStringLiteral("InferenceWorker")};
    KnobHistory* m_history = nullptr;
    StudioSession m_session;

    QStackedWidget* m_pages = nullptr;  // the single-image page and the compare page
    SingleImagePage* m_single = nullptr;
    VideoPage* m_video = nullptr;
    CompareView* m_compare = nullptr;
    SidePanel* m_side = nullptr;
    ResultPanel* m_resultPanel = nullptr;
    ParetoPanel* m_pareto = nullptr;
    QAction* m_compareAction = nullptr;
    QAction* m_saveModelAction = nullptr;
    BackgroundJob* m_saveJob = nullptr;
    QScrollArea* m_sideScroll = nullptr;  // the side and result panels
    QSplitter* m_splitter = nullptr;
};

}  // namespace vp
