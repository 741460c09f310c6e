#include "screenshot.h"

#include <QApplication>
#include <QFileInfo>
#include <QImageWriter>
#include <QPixmap>
#include <QSaveFile>
#include <QStatusBar>
#include <QTimer>
#include <cstdio>

#include "main_window.h"

namespace vp {
namespace {

// Lets layouts settle and the last paint land before grabbing.
constexpr int kSettleMs = 150;

void fail(const QString& message, int code) {
    std::fprintf(stderr, "vitprune-studio: %s\n", qPrintable(message));
    std::fflush(stderr);
    QApplication::exit(code);
}

}  // namespace

ScreenshotController::ScreenshotController(MainWindow* window, QString path, bool quitAfter)
    : QObject(window), m_window(window), m_path(std::move(path)), m_quitAfter(quitAfter) {
    // With --analysis the view opens after the first result and is saved once it is complete.
    if (window->options().analysis.isEmpty()) {
        connect(window, &MainWindow::resultShown, this, [this] {
            if (m_done) return;
            m_done = true;
            QTimer::singleShot(kSettleMs, this, [this] { capture(m_window); });
        });
    } else {
        connect(window, &MainWindow::analysisShown, this, [this](QWidget* view) {
            if (m_done) return;
            m_done = true;
            QTimer::singleShot(kSettleMs, this, [this, view] { capture(view); });
        });
    }
    connect(window, &MainWindow::fatalError, this, [](const QString& message, int code) { fail(message, code); });
}

bool ScreenshotController::save(QWidget* window, const QString& path, QString* error) {
    const QImage image = window->grab().toImage();
    if (image.isNull()) {
        *error = path + ": the window could not be grabbed";
        return false;
    }
    QByteArray format = QFileInfo(path).suffix().toLower().toLatin1();
    if (format.isEmpty() || !QImageWriter::supportedImageFormats().contains(format)) format = "png";
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = path + ": cannot be written (" + file.errorString() + ")";
        return false;
    }
    if (!image.save(&file, format.constData()) || !file.commit()) {
        *error = path + ": cannot be written (" + file.errorString() + ")";
        return false;
    }
    return true;
}

void ScreenshotController::capture(QWidget* view) {
    QString error;
    if (!save(view, m_path, &error)) {
        fail(error, 2);
        return;
    }
    const QString status = m_window->statusBar()->currentMessage();
    std::fprintf(stderr, "vitprune-studio: saved %s%s\n", qPrintable(m_path),
                 status.isEmpty() ? "" : qPrintable(" (" + status + ")"));
    if (m_quitAfter) QApplication::exit(0);
}

}  // namespace vp
