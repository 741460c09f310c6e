// MainWindow: menus, opening files (dialogs, recent files, drag & drop) and error reporting for
// bad files. The saved settings and the command line are in main_window_startup.cpp.
#include <QAction>
#include <QActionGroup>
#include <QToolBar>
#include <QDockWidget>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>

#include "compare_view.h"
#include "compatibility_dialog.h"
#include "main_window.h"
#include "measured_cost.h"
#include "pareto_panel.h"
#include "model/model_loader.h"
#include "model_source.h"
#include "side_panel.h"
#include "translations.h"
#include "video_page.h"
#include "widgets/filmstrip.h"
#include "widgets/knob_panel.h"
#include "widgets/patch_overlay_view.h"

namespace vp {
namespace {

const QStringList kModelSuffixes = {"safetensors", "pth", "pt", "bin"};
constexpr int kMaxRecent = 10;

bool looksLikeVideo(const QString& path) {
    static const QStringList suffixes = {QStringLiteral("avi"),  QStringLiteral("mp4"),  QStringLiteral("mkv"),
                                         QStringLiteral("mov"),  QStringLiteral("webm"), QStringLiteral("mpg"),
                                         QStringLiteral("mpeg"), QStringLiteral("m4v"),  QStringLiteral("wmv")};
    return suffixes.contains(QFileInfo(path).suffix().toLower());
}

bool looksLikeModel(const QString& path) {
    const QFileInfo fi(path);
    if (fi.isDir()) return QFileInfo::exists(fi.filePath() + QStringLiteral("/config.json"));
    return kModelSuffixes.contains(fi.suffix().toLower());
}

QString startDir(const QString& last) { return last.isEmpty() ? QDir::homePath() : QFileInfo(last).absolutePath(); }

}  // namespace

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openModelAct = file->addAction(tr("Open &model…"), this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open model"), startDir(m_session.loadedModelSpec),
                                         tr("Checkpoints (*.safetensors *.pth *.pt *.bin);;All files (*)"));
        if (!path.isEmpty()) openModel(path);
    });
    openModelAct->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    file->addAction(tr("Open model &folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open model folder (config.json + weights)"),
                                                              startDir(m_session.loadedModelSpec));
        if (!dir.isEmpty()) openModel(dir);
    });
    file->addAction(tr("&Default model (%1)").arg(QString::fromLatin1(kDefaultModelName)), this,
                    [this] { openModel(QString()); });
    QMenu* hub = file->addMenu(tr("Models in the &HuggingFace cache"));
    connect(hub, &QMenu::aboutToShow, this, [this, hub] {
        hub->clear();
        for (const HubModel& m : discoverHubModels()) {
            const QString folder = QString::fromStdString(m.folder);
            hub->addAction(QString::fromStdString(m.repo), this, [this, folder] { openModel(folder); });
        }
        if (hub->isEmpty()) hub->addAction(tr("(none found in ~/.cache/huggingface/hub)"))->setEnabled(false);
    });
    QMenu* recentModels = file->addMenu(tr("Recent models"));
    connect(recentModels, &QMenu::aboutToShow, this, [this, recentModels] {
        fillRecentMenu(recentModels, QStringLiteral("model/recent"), &MainWindow::openModel);
    });
    file->addSeparator();
    QAction* openImageAct = file->addAction(tr("Open &image(s)…"), this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Open image(s)"), startDir(m_session.loadedImagePath),
            tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.pgm *.ppm *.pbm);;All files (*)"));
        if (paths.size() == 1)
            openImage(paths.first());
        else
            openImages(paths);
    });
    openImageAct->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open image f&older…"), this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Open a folder of images"), startDir(m_session.loadedImagePath));
        if (dir.isEmpty()) return;
        const QStringList images = Filmstrip::imagesInFolder(dir);
        if (images.isEmpty()) return report(tr("No images"), tr("%1: no image files in this folder").arg(dir), 2);
        openImages(images);
    });
    QAction* openVideoAct = file->addAction(tr("Open &video…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open video"), startDir(m_session.videoPath),
            tr("Videos (*.avi *.mp4 *.mkv *.mov *.webm *.mpg *.mpeg *.m4v *.wmv);;All files (*)"));
        if (!path.isEmpty()) openVideo(path);
    });
    openVideoAct->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    file->addAction(tr("Open &camera…"), this, [this] {
        bool ok = false;
        const int index =
            QInputDialog::getInt(this, tr("Open camera"), tr("Camera index (/dev/videoN):"), 0, 0, 63, 1, &ok);
        if (ok) openVideo(QStringLiteral("camera:%1").arg(index));
    });
    QMenu* recentVideos = file->addMenu(tr("Recent videos"));
    connect(recentVideos, &QMenu::aboutToShow, this, [this, recentVideos] {
        fillRecentMenu(recentVideos, QStringLiteral("video/recent"), &MainWindow::openVideo);
    });
    QMenu* recentImages = file->addMenu(tr("Recent images"));
    connect(recentImages, &QMenu::aboutToShow, this, [this, recentImages] {
        fillRecentMenu(recentImages, QStringLiteral("image/recent"), &MainWindow::openImage);
    });
    buildMethodPartsAction(file);
    file->addSeparator();
    buildSaveModelAction(file);
    buildExportMenu(file);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_history->stack()->createUndoAction(edit, tr("&Undo"));
    QAction* redo = m_history->stack()->createRedoAction(edit, tr("&Redo"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addAction(tr("Reset knobs to defaults"), this, [this] { m_side->knobs()->resetToDefaults(); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    // Panels: a closed dock or tool bar comes back from here (not only from the tool bar's
    // context menu). Filled when opened, so it lists whatever panels the window has.
    QMenu* panels = view->addMenu(tr("&Panels"));
    panels->setObjectName(QStringLiteral("panelsMenu"));
    connect(panels, &QMenu::aboutToShow, this, [this, panels] {
        panels->clear();
        for (QDockWidget* d : findChildren<QDockWidget*>()) panels->addAction(d->toggleViewAction());
        for (QToolBar* t : findChildren<QToolBar*>()) panels->addAction(t->toggleViewAction());
    });
    view->addSeparator();
    QMenu* language = view->addMenu(tr("&Language"));
    auto* group = new QActionGroup(language);
    const QString current = savedLanguage();
    for (const auto& [code, name] : availableLanguages()) {
        QAction* a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] {
            saveLanguage(code);
            QMessageBox::information(this, tr("Language"), tr("The new language applies when the studio starts next."));
        });
    }

    buildModelMenu();
    buildAnalysisMenu();
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Model &compatibility report…"), this,
                    [this] { showCompatibilityDialog(this, m_session.info); });
    help->addAction(tr("&About ViT Prune Studio"), this, [this] {
        QMessageBox::about(this, tr("About ViT Prune Studio"),
                           tr("<b>ViT Prune Studio</b> %1<br>See which patches a token-pruning method keeps, "
                              "what the model then predicts and what it costs.<br>Drop an image or a checkpoint "
                              "(.safetensors, .pth) onto the window to open it.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::rememberRecent(const QString& key, const QString& path) {
    if (path.isEmpty()) return;
    QSettings settings;
    QStringList list = settings.value(key).toStringList();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecent) list.removeLast();
    settings.setValue(key, list);
}

void MainWindow::fillRecentMenu(QMenu* menu, const QString& key, void (MainWindow::*open)(const QString&)) {
    menu->clear();
    for (const QString& path : QSettings().value(key).toStringList()) {
        if (!path.contains(QLatin1Char(':')) && !QFileInfo::exists(path) && path.contains(QLatin1Char('/'))) continue;
        menu->addAction(path, this, [this, path, open] { (this->*open)(path); });
    }
    if (menu->isEmpty()) menu->addAction(tr("(none yet)"))->setEnabled(false);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!event->mimeData()->hasUrls()) return;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event) {
    // A checkpoint (or a model folder) and images may arrive together: the last model wins, the
    // images (or the images of a dropped folder) go to the filmstrip.
    QString model;
    QStringList images;
    QString video;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (!url.isLocalFile()) continue;
        const QString path = url.toLocalFile();
        if (looksLikeVideo(path))
            video = path;
        else if (looksLikeModel(path))
            model = path;
        else if (QFileInfo(path).isDir())
            images << Filmstrip::imagesInFolder(path);
        else
            images << path;
    }
    if (model.isEmpty() && images.isEmpty() && video.isEmpty()) return;
    event->acceptProposedAction();
    if (!model.isEmpty()) m_session.modelSpec = model;
    if (!video.isEmpty() && images.isEmpty()) {
        openVideo(video);
        if (!model.isEmpty()) submit();
        return;
    }
    if (images.size() > 1) m_single->filmstrip()->setPaths(images);
    if (!images.isEmpty()) m_session.imagePath = images.first();
    submit();
    if (compareMode()) m_compare->refreshAll();
}

void MainWindow::onFailed(const StudioFailure& f) {
    using Stage = StudioFailure::Stage;
    if (f.stage == Stage::Model) {
        if (f.subject != m_session.modelSpec) return;  // already reverted: a stale duplicate
        // Go back to the model that works first, so the window fills in behind the dialog.
        const QString back = m_session.hasModel ? m_session.loadedModelSpec : QString();
        if (back != m_session.modelSpec && !m_options.unattended()) {
            m_session.modelSpec = back;
            submit();
        }
        // What is wrong in words, the reader's detail, and what the window shows now.
        const QString kept = m_session.hasModel
                                 ? tr("The studio keeps the model that was open: %1.").arg(m_session.info.name)
                                 : tr("No model is open.");
        report(tr("Cannot open model"),
               tr("This file could not be opened as a ViT checkpoint.\n\n%1\n\n%2").arg(f.message, kept), f.exitCode);
    } else if (f.stage == Stage::Image) {
        if (f.subject != m_session.imagePath) return;
        const QString back = f.subject == m_session.loadedImagePath ? QString() : m_session.loadedImagePath;
        if (!m_options.unattended()) {
            m_session.imagePath = back;
            m_session.loadedImagePath = back;
            if (back.isEmpty()) m_single->clearImage();
            submit();
        }
        report(tr("Cannot open image"), f.message, f.exitCode);
    } else if (f.stage == Stage::Method) {
        // A method the model cannot run yet: the banner under the method picker says why and how
        // to train its parts; a dialog on every knob change would only repeat it.
        if (m_side->methodUnavailable() && !m_options.unattended()) return;
        report(tr("Invalid method settings"), f.message, f.exitCode);
    } else {
        report(tr("Inference failed"), f.message, f.exitCode);
    }
}

}  // namespace vp
