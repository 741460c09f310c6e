#pragma once
// The studio's first window: the image as the model sees it with the patch fates of one block
// (left), the model, method and knobs, the top-5 prediction and the cost (right). Every change
// becomes one StudioRequest for the InferenceWorker; results come back as plain data.
#include <QMainWindow>
#include <QThread>

#include "inference_types.h"
#include "studio_options.h"

class QLabel;
class QSlider;
class QSplitter;

namespace vp {

class InferenceWorker;
class PatchOverlayView;
class SidePanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const StudioOptions& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opening by path (menus, drag & drop, tests). The worker reports failures.
    void openModel(const QString& spec);
    void openImage(const QString& path);

Q_SIGNALS:
    // A result is on screen (the overlay, predictions and cost show it).
    void resultShown();
    // Unattended mode only: what would have been a dialog. exitCode 2 = bad input, 1 = internal.
    void fatalError(const QString& message, int exitCode);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildUi();
    void buildMenus();
    void restoreSettings();
    void submit();
    void showLayer();
    void updateTitle();
    void report(const QString& title, const QString& message, int exitCode);

    void onModelLoaded(quint64 generation, const ModelInfo& info);
    void onImageLoaded(quint64 generation, const ImageInfo& info);
    void onResult(const StudioResult& result);
    void onFailed(const StudioFailure& failure);
    void onFinished(quint64 generation);

    StudioOptions m_options;
    QThread m_thread;
    InferenceWorker* m_worker = nullptr;

    // What the user asked for, and what the worker has confirmed.
    QString m_modelSpec, m_imagePath;
    QString m_loadedModelSpec, m_loadedImagePath;
    bool m_hasModel = false;
    ModelInfo m_info;
    quint64 m_generation = 0;
    quint64 m_shownGeneration = 0;
    bool m_hasResult = false;
    StudioResult m_result;
    int m_layer = -1;  // -1: the last block

    PatchOverlayView* m_view = nullptr;
    QSlider* m_layerSlider = nullptr;
    QLabel* m_layerLabel = nullptr;
    QLabel* m_imageCaption = nullptr;
    SidePanel* m_side = nullptr;
    QSplitter* m_splitter = nullptr;
};

}  // namespace vp
