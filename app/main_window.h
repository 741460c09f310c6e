#pragma once
// The studio's main window. Single view: the image as the model sees it with the patch fates of
// one block, a strip of every block below, a filmstrip of opened images (left); model, method,
// knobs, budget and device, then the pruned-vs-dense prediction, cost and kept tokens per block
// (right); the Pareto plot in a dock below. Compare mode swaps the left side for 2–4 panes.
// Every change becomes a StudioRequest for the InferenceWorker; results come back as plain data.
#include <QMainWindow>
#include <QThread>

#include "inference_types.h"
#include "knob_history.h"
#include "studio_options.h"

class QLabel;
class QSlider;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QToolButton;
class QAction;
class QMenu;

namespace vp {

class CompareView;
class Filmstrip;
class InferenceWorker;
class LayerStrip;
class ParetoPanel;
class PatchOverlayView;
class ResultPanel;
class SidePanel;
class TokenMapView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const StudioOptions& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opening by path (menus, drag & drop, tests). The worker reports failures.
    void openModel(const QString& spec);
    void openImage(const QString& path);
    void openImages(const QStringList& paths);  // several: the filmstrip steps through them
    void setCompareMode(bool on);
    bool compareMode() const;

    // For tests and the responsiveness benchmark.
    SidePanel* sidePanel() const { return m_side; }
    ResultPanel* resultPanel() const { return m_resultPanel; }
    CompareView* compareView() const { return m_compare; }
    ParetoPanel* paretoPanel() const { return m_pareto; }
    PatchOverlayView* overlayView() const { return m_view; }
    TokenMapView* tokenMapView() const { return m_tokenMap; }
    // The single view's "Token map" tab (else "Patches"); the worker computes maps only while shown.
    bool tokenMapShown() const;
    void setTokenMapShown(bool on);
    KnobHistory* history() const { return m_history; }
    const StudioOptions& options() const { return m_options; }
    quint64 lastSubmittedGeneration() const { return m_generation; }
    quint64 shownGeneration() const { return m_shownGeneration; }
    const StudioResult& shownResult() const { return m_result; }
    int shownLayer() const;

    // Export (File menu; also tests): by suffix .png/.svg/.pdf (figures) or .csv/.json (data).
    bool exportOverlayGrid(const QString& path, QString* error);
    bool exportComparison(const QString& path, QString* error);
    bool exportPareto(const QString& path, QString* error);
    bool exportResultData(const QString& path, QString* error);

Q_SIGNALS:
    // A result is on screen (the overlay, predictions and cost show it).
    void resultShown();
    // An Analysis view asked for on the command line (--analysis) is complete: measured, or its
    // table loaded. `view` is what a screenshot saves.
    void analysisShown(QWidget* view);
    // Unattended mode only: what would have been a dialog. exitCode 2 = bad input, 1 = internal.
    void fatalError(const QString& message, int exitCode);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildUi();
    QWidget* buildSingleView();
    QWidget* buildViewTabs(QWidget* parent);  // "Patches | Token map" around m_view
    void showTokenMap();                      // m_result's map (or why there is none)
    void buildMenus();
    void buildExportMenu(QMenu* file);
    void buildAnalysisMenu();
    // Opens an Analysis view (efficiency, breakdown, latency) for the current model and setting;
    // `file`: an efficiency table to show instead of measuring. Returns the view (nullptr: none).
    QWidget* openAnalysis(const QString& name, const QString& file = QString());
    // Analysis ▸ Per-image cost: the dialog for the current setting; images > 0 runs it at once
    // on that many Fashion-MNIST test images (--analysis per-image=N).
    QWidget* openPerImageCost(int images = 0);
    void buildToolBar();
    void restoreSettings();
    void applyCommandLine();
    void rememberRecent(const QString& key, const QString& path);
    void fillRecentMenu(QMenu* menu, const QString& key, bool models);
    void submit(std::optional<double> budget = std::nullopt);
    void submitPane(StudioRequest request);
    void userChangedState();
    void showLayer();
    void setLayer(int layer);
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
    QThread m_thread;
    InferenceWorker* m_worker = nullptr;
    KnobHistory* m_history = nullptr;

    // What the user asked for, and what the worker has confirmed.
    QString m_modelSpec, m_imagePath;
    QString m_loadedModelSpec, m_loadedImagePath;
    bool m_hasModel = false;
    ModelInfo m_info;
    ImageInfo m_image;
    quint64 m_generation = 0;
    quint64 m_shownGeneration = 0;
    quint64 m_budgetGeneration = 0;  // the latest request that asked for a GMACs budget
    bool m_hasResult = false;
    StudioResult m_result;
    int m_layer = -1;  // -1: the last block

    QStackedWidget* m_pages = nullptr;
    PatchOverlayView* m_view = nullptr;
    QTabWidget* m_viewTabs = nullptr;
    TokenMapView* m_tokenMap = nullptr;
    LayerStrip* m_strip = nullptr;
    Filmstrip* m_filmstrip = nullptr;
    QSlider* m_layerSlider = nullptr;
    QLabel* m_layerLabel = nullptr;
    QLabel* m_imageCaption = nullptr;
    QTimer* m_playTimer = nullptr;
    QAction* m_playAction = nullptr;
    QAction* m_compareAction = nullptr;
    SidePanel* m_side = nullptr;
    ResultPanel* m_resultPanel = nullptr;
    CompareView* m_compare = nullptr;
    ParetoPanel* m_pareto = nullptr;
    QSplitter* m_splitter = nullptr;
};

}  // namespace vp
