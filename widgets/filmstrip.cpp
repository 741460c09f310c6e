#include "widgets/filmstrip.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QTimer>

namespace vp {
namespace {

constexpr int kThumb = 64;
constexpr int kThumbsPerTick = 8;

}  // namespace

Filmstrip::Filmstrip(QWidget* parent) : QListWidget(parent) {
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(false);
    setMovement(QListView::Static);
    setIconSize(QSize(kThumb, kThumb));
    setUniformItemSizes(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFixedHeight(kThumb + fontMetrics().height() + 28);
    m_loader = new QTimer(this);
    m_loader->setInterval(0);
    connect(m_loader, &QTimer::timeout, this, &Filmstrip::loadSomeThumbnails);
    connect(this, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { Q_EMIT pathActivated(item->data(Qt::UserRole).toString()); });
}

QStringList Filmstrip::imagesInFolder(const QString& dir) {
    QStringList filters;
    for (const QByteArray& f : QImageReader::supportedImageFormats())
        filters << QStringLiteral("*.") + QString::fromLatin1(f);
    QStringList out;
    for (const QFileInfo& fi : QDir(dir).entryInfoList(filters, QDir::Files | QDir::Readable, QDir::Name))
        out << fi.absoluteFilePath();
    return out;
}

void Filmstrip::setPaths(const QStringList& paths) {
    clear();
    m_paths = paths;
    m_nextThumb = 0;
    QPixmap blank(kThumb, kThumb);
    blank.fill(palette().color(QPalette::Mid));
    for (const QString& p : paths) {
        auto* item = new QListWidgetItem(QIcon(blank), QFileInfo(p).fileName(), this);
        item->setData(Qt::UserRole, p);
        item->setToolTip(p);
    }
    setVisible(paths.size() > 1);
    if (!paths.isEmpty()) m_loader->start();
}

void Filmstrip::loadSomeThumbnails() {
    for (int i = 0; i < kThumbsPerTick && m_nextThumb < m_paths.size(); ++i, ++m_nextThumb) {
        QImageReader reader(m_paths[m_nextThumb]);
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        if (size.isValid()) reader.setScaledSize(size.scaled(kThumb, kThumb, Qt::KeepAspectRatio));
        const QImage img = reader.read();
        if (!img.isNull())
            item(m_nextThumb)->setIcon(QIcon(QPixmap::fromImage(img)));
        else
            item(m_nextThumb)->setToolTip(m_paths[m_nextThumb] + QStringLiteral("\n") + reader.errorString());
    }
    if (m_nextThumb >= m_paths.size()) m_loader->stop();
}

bool Filmstrip::setCurrentPath(const QString& path) {
    const int i = m_paths.indexOf(path);
    if (i < 0) return false;
    const QSignalBlocker block(this);
    setCurrentRow(i);
    scrollToItem(item(i));
    return true;
}

QString Filmstrip::currentPath() const {
    const QListWidgetItem* it = currentItem();
    return it ? it->data(Qt::UserRole).toString() : QString();
}

bool Filmstrip::step(int delta) {
    if (m_paths.isEmpty()) return false;
    const int n = static_cast<int>(m_paths.size());
    const int row = ((std::max(0, currentRow()) + delta) % n + n) % n;
    setCurrentPath(m_paths[row]);
    Q_EMIT pathActivated(m_paths[row]);
    return true;
}

}  // namespace vp
