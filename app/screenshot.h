#pragma once
// --screenshot OUT.png [--quit-after-screenshot]: once the window shows its first result, grab
// it (QWidget::grab), save it atomically (QSaveFile) and optionally quit with exit code 0.
// In this unattended mode errors go to stderr and end the application with their exit code.
#include <QObject>
#include <QString>

namespace vp {

class MainWindow;

class ScreenshotController : public QObject {
    Q_OBJECT
public:
    ScreenshotController(MainWindow* window, QString path, bool quitAfter);

    // Saves `window` to `path` (format from the suffix, PNG by default). False + message on error.
    static bool save(QWidget* window, const QString& path, QString* error);

private:
    void capture(QWidget* view);
    MainWindow* m_window;
    QString m_path;
    bool m_quitAfter;
    bool m_done = false;
};

}  // namespace vp
