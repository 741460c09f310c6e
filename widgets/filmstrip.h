#pragma once
// A horizontal strip of image thumbnails to step through several opened images (or a folder).
// Thumbnails load a few at a time on the event loop, so a folder of thousands stays responsive.
#include <QListWidget>
#include <QStringList>

class QTimer;

namespace vp {

class Filmstrip : public QListWidget {
    Q_OBJECT
public:
    explicit Filmstrip(QWidget* parent = nullptr);

    void setPaths(const QStringList& paths);
    QStringList paths() const { return m_paths; }
    // Selects `path` if it is in the strip (no signal). False otherwise.
    bool setCurrentPath(const QString& path);
    QString currentPath() const;
    // Previous/next image (wraps); emits pathActivated. Returns false when the strip is empty.
    bool step(int delta);
    int loadedThumbnails() const { return m_nextThumb; }

    // Image files of a folder (sorted by name), as the strip would list them.
    static QStringList imagesInFolder(const QString& dir);

Q_SIGNALS:
    void pathActivated(const QString& path);

private:
    void loadSomeThumbnails();
    QStringList m_paths;
    int m_nextThumb = 0;
    QTimer* m_loader = nullptr;
};

}  // namespace vp
