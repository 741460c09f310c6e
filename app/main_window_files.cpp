// MainWindow: menus, opening files (dialogs, drag & drop) and the saved settings.
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>

#include "main_window.h"
#include "model_source.h"

namespace vp {
namespace {

const QStringList kModelSuffixes = {"safetensors", "pth", "pt", "bin"};

bool looksLikeModel(const QString& path) {
    const QFileInfo fi(path);
    return fi.isDir() || kModelSuffixes.contains(fi.suffix().toLower());
}

QString startDir(const QString& last) {
    return last.isEmpty() ? QDir::homePath() : QFileInfo(last).absolutePath();
}

}  // namespace

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openModelAct = file->addAction(tr("Open &model…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open model"), startDir(m_loadedModelSpec),
            tr("Checkpoints (*.safetensors *.pth *.pt *.bin);;All files (*)"));
        if (!path.isEmpty()) openModel(path);
    });
    openModelAct->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    file->addAction(tr("Open model &folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open model folder (config.json + weights)"),
                                                              startDir(m_loadedModelSpec));
        if (!dir.isEmpty()) openModel(dir);
    });
    file->addAction(tr("&Default model (%1)").arg(QString::fromLatin1(kDefaultModelName)), this,
                    [this] { openModel(QString()); });
    file->addSeparator();
    QAction* openImageAct = file->addAction(tr("Open &image…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open image"), startDir(m_loadedImagePath),
            tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.pgm *.ppm *.pbm);;All files (*)"));
        if (!path.isEmpty()) openImage(path);
    });
    openImageAct->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ViT Prune Studio"), this, [this] {
        QMessageBox::about(this, tr("About ViT Prune Studio"),
                           tr("<b>ViT Prune Studio</b> %1<br>See which patches a token-pruning method keeps, "
                              "what the model then predicts and what it costs.<br>Drop an image or a checkpoint "
                              "(.safetensors, .pth) onto the window to open it.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::restoreSettings() {
    // Unattended runs (screenshots for docs and tests) neither read nor write the settings, so
    // they show exactly what the command line asks for.
    QSettings settings;
    const bool useSettings = !m_options.unattended();
    if (useSettings) {
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
        m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    }
    if (m_options.model)
        m_modelSpec = *m_options.model;
    else if (useSettings)
        m_modelSpec = settings.value(QStringLiteral("model/last")).toString();
    if (m_options.image) {
        m_imagePath = *m_options.image;
    } else {
        const QString last = useSettings ? settings.value(QStringLiteral("image/last")).toString() : QString();
        m_imagePath = !last.isEmpty() && QFileInfo(last).isFile() ? last : QString::fromStdString(defaultImagePath());
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_options.unattended()) {
        QSettings settings;
        settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
        settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    }
    QMainWindow::closeEvent(event);
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
    // A checkpoint (or a model folder) and an image may arrive together; the last of each wins.
    QString model, image;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (!url.isLocalFile()) continue;
        const QString path = url.toLocalFile();
        (looksLikeModel(path) ? model : image) = path;
    }
    if (model.isEmpty() && image.isEmpty()) return;
    event->acceptProposedAction();
    if (!model.isEmpty()) m_modelSpec = model;
    if (!image.isEmpty()) m_imagePath = image;
    submit();
}

}  // namespace vp
