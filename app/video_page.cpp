#include "video_page.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <ATen/Parallel.h>

#include "io/fate_drawing.h"
#include "prune/knob.h"
#include "widgets/patch_overlay_view.h"
#include "widgets/video_timeline.h"
#include "widgets/video_transport.h"

namespace vp {

VideoPage::VideoPage(QWidget* parent)
    : QWidget(parent), m_view(new PatchOverlayView(this)), m_legend(new QLabel(this)), m_numbers(new QLabel(this)),
      m_layer(new QSpinBox(this)), m_transport(new VideoTransport(this)), m_timeline(new VideoTimeline(this)),
      m_exportVideo(new QPushButton(tr("Export video…"), this)),
      m_exportData(new QPushButton(tr("Export data…"), this)), m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)) {
    qRegisterMetaType<vp::VideoOpened>();
    qRegisterMetaType<vp::VideoFrameView>();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view->setPlaceholderText(tr("Open a video (File ▸ Open video…) or drop one here."));
    layout->addWidget(m_view, 5);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    m_numbers->setWordWrap(true);
    m_numbers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* blockRow = new QHBoxLayout;
    blockRow->addWidget(new QLabel(tr("Block"), this));
    m_layer->setToolTip(tr("0-based block whose patch fates are shown"));
    blockRow->addWidget(m_layer);
    blockRow->addWidget(m_legend, 1);
    layout->addLayout(blockRow);
    layout->addWidget(m_numbers);
    layout->addWidget(m_transport);
    layout->addWidget(m_timeline, 2);
    auto* exportRow = new QHBoxLayout;
    exportRow->addWidget(m_exportVideo);
    exportRow->addWidget(m_exportData);
    exportRow->addWidget(m_progress, 1);
    exportRow->addWidget(m_cancel);
    layout->addLayout(exportRow);
    m_progress->hide();
    m_cancel->hide();
    m_exportVideo->setEnabled(false);
    m_exportData->setEnabled(false);

    VideoWorker* w = m_worker.get();
    connect(w, &VideoWorker::opened, this, [this](const VideoOpened& info) {
        if (info.session != m_session) return;
        m_info = info;
        m_transport->setFrameCount(info.frameCount);
        m_timeline->clear();
        m_timeline->setFrameRange(info.frameCount);
        m_exportVideo->setEnabled(!info.camera);
        Q_EMIT opened(info);
    });
    connect(w, &VideoWorker::frameReady, this, &VideoPage::onFrame);
    connect(w, &VideoWorker::failed, this, &VideoPage::failed);
    connect(w, &VideoWorker::playingChanged, m_transport, &VideoTransport::setPlaying);
    connect(w, &VideoWorker::ended, this, [this](bool truncated) {
        m_transport->setPlaying(false);
        if (truncated) Q_EMIT failed(tr("%1: the video ended early (truncated or damaged file)").arg(m_video));
    });
    connect(w, &VideoWorker::exportProgress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(0, total));
        m_progress->setValue(done);
    });
    connect(w, &VideoWorker::exportDone, this, [this](bool ok, const QString& message) {
        m_progress->hide();
        m_cancel->hide();
        m_exportVideo->setEnabled(true);
        Q_EMIT exportFinished(ok, message);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_worker->cancelExport(); });

    connect(m_transport, &VideoTransport::playRequested, this, &VideoPage::play);
    connect(m_transport, &VideoTransport::stepRequested, this, [this] { onWorker([](VideoWorker* v) { v->step(); }); });
    connect(m_transport, &VideoTransport::seekRequested, this,
            [this](qint64 f) { onWorker([f](VideoWorker* v) { v->seek(f); }); });
    connect(m_transport, &VideoTransport::speedChanged, this,
            [this](double s) { onWorker([s](VideoWorker* v) { v->setSpeed(s); }); });
    connect(m_transport, &VideoTransport::loopChanged, this,
            [this](bool on) { onWorker([on](VideoWorker* v) { v->setLoop(on); }); });
    connect(m_transport, &VideoTransport::resetRequested, this,
            [this] { onWorker([](VideoWorker* v) { v->resetStream(); }); });
    connect(m_layer, &QSpinBox::valueChanged, this, [this] { showFates(); });
    connect(m_layer, &QSpinBox::editingFinished, this, [this] { m_followLastLayer = false; });
    connect(m_exportVideo, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export overlaid video"), QFileInfo(m_video).completeBaseName() + QStringLiteral("_overlay.avi"),
            tr("Motion-JPEG video (*.avi)"));
        if (!path.isEmpty())
            exportVideo(path.endsWith(QStringLiteral(".avi"), Qt::CaseInsensitive) ? path
                                                                                   : path + QStringLiteral(".avi"));
    });
    connect(m_exportData, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export per-frame data"), QFileInfo(m_video).completeBaseName() + QStringLiteral("_frames.csv"),
            tr("CSV (*.csv);;JSON (*.json)"));
        if (path.isEmpty()) return;
        QString error;
        if (!exportData(path, &error)) Q_EMIT failed(error);
    });
}

VideoPage::~VideoPage() { m_worker->cancelExport(); }

void VideoPage::openVideo(const QString& video, const QString& modelSpec) {
    m_video = video;
    m_modelSpec = modelSpec;
    const quint64 session = ++m_session;
    m_exportVideo->setEnabled(false);  // until the worker has opened it
    m_hasFrame = false;
    m_shown = 0;
    m_maxLag = 0;
    m_exportData->setEnabled(false);
    const double speed = m_transport->speed();
    const bool loop = m_transport->loop();
    onWorker([session, video, modelSpec, speed, loop](VideoWorker* v) {
        v->open(session, video, modelSpec);
        v->setSpeed(speed);
        v->setLoop(loop);
    });
}

void VideoPage::setMethod(const std::string& methodId, const std::map<std::string, std::string>& knobs) {
    if (m_methodSent && methodId == m_methodId && knobs == m_knobs) return;  // e.g. a device change
    m_methodSent = true;
    m_methodId = methodId;
    m_knobs = knobs;
    m_timeline->clear();  // the timeline shows one method (its exports say which)
    const QString id = QString::fromStdString(methodId);
    onWorker([id, knobs](VideoWorker* v) { v->setMethod(id, knobs); });
    // A paused video shows the current frame again with the new method.
    if (m_hasFrame && !m_transport->playing()) {
        const qint64 frame = m_last.index;
        onWorker([frame](VideoWorker* v) { v->seek(frame); });
    }
}

void VideoPage::setDepth(int depth) {
    const QSignalBlocker block(m_layer);
    m_layer->setRange(0, std::max(0, depth - 1));
    if (m_followLastLayer) m_layer->setValue(m_layer->maximum());
    showFates();
}

void VideoPage::setLayer(int layer) {
    m_followLastLayer = layer < 0;
    if (layer >= 0 && layer > m_layer->maximum()) m_layer->setMaximum(layer);  // the model's depth may come later
    m_layer->setValue(layer < 0 ? m_layer->maximum() : layer);
}

void VideoPage::play(bool on) {
    if (on)
        onWorker([](VideoWorker* v) { v->play(); });
    else
        onWorker([](VideoWorker* v) { v->pause(); });
}

void VideoPage::onFrame(const VideoFrameView& f) {
    m_worker->frameTaken();
    if (f.session != m_session) return;  // queued before another video was opened
    m_last = f;
    m_hasFrame = true;
    ++m_shown;
    if (!f.afterSetup) m_maxLag = std::max(m_maxLag, f.newestDecoded - f.index);
    m_transport->setPosition(f.index);
    m_view->setImage(f.display);
    showFates();
    const QString verdict = f.agrees() ? tr("same as dense") : tr("dense says %1").arg(f.denseLabel);
    m_numbers->setText(tr("Frame %1 · %2 %3 · %4 GMACs (dense %5) · %6 ms (dense %7) · top-1 %8 (%9%, %10) · "
                          "dropped frames %11")
                           .arg(f.index)
                           .arg(f.methodId, QString::fromStdString(settingsText(f.knobs)))
                           .arg(f.gmacs, 0, 'f', 3)
                           .arg(f.denseGmacs, 0, 'f', 3)
                           .arg(f.ms, 0, 'f', 1)
                           .arg(f.denseMs, 0, 'f', 1)
                           .arg(f.top1Label)
                           .arg(100.0 * f.top1Prob, 0, 'f', 1)
                           .arg(verdict)
                           .arg(f.dropped));
    // A frame of the previous method still in flight after a change does not join this one's timeline.
    if (f.methodId.toStdString() == m_methodId && f.knobs == m_knobs)
        m_timeline->addPoint({f.index, f.gmacs, f.denseGmacs, f.ms, f.denseMs, f.agrees()});
    m_exportData->setEnabled(true);
    Q_EMIT frameShown();
}

void VideoPage::showFates() {
    if (!m_hasFrame) return;
    const int layer = m_layer->value();
    m_view->setTrace(m_last.trace, layer);
    const auto n = countFates(m_last.trace, layer);
    const bool video = n[5] > 0 || m_last.methodId == QStringLiteral("eventful");
    QStringList parts;
    parts << (video ? tr("<b>%1</b> recomputed").arg(n[0]) : tr("<b>%1</b> kept").arg(n[0]));
    if (n[5] > 0) parts << tr("<span style='color:#1f4fa0'>■</span> <b>%1</b> reused from earlier frames").arg(n[5]);
    if (n[1] > 0) parts << tr("<b>%1</b> merged").arg(n[1]);
    if (n[2] > 0) parts << tr("<b>%1</b> fused").arg(n[2]);
    if (n[3] > 0) parts << tr("<b>%1</b> dropped").arg(n[3]);
    if (n[4] > 0) parts << tr("<b>%1</b> parked").arg(n[4]);
    m_legend->setText(tr("After block %1: %2").arg(layer).arg(parts.join(QStringLiteral(" · "))));
}

void VideoPage::exportVideo(const QString& path) {
    m_exportVideo->setEnabled(false);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    const int layer = m_layer->value();
    m_worker->armExport();
    onWorker([path, layer](VideoWorker* v) { v->exportVideo(path, layer); });
}

bool VideoPage::exportData(const QString& path, QString* error) const {
    const auto& points = m_timeline->points();
    QByteArray bytes;
    if (path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) {
        bytes = "index,gmacs,dense_gmacs,ms,dense_ms,agrees_with_dense\n";
        for (const TimelinePoint& p : points)
            bytes += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                         .arg(p.frame)
                         .arg(p.gmacs, 0, 'g', 8)
                         .arg(p.denseGmacs, 0, 'g', 8)
                         .arg(p.ms, 0, 'g', 6)
                         .arg(p.denseMs, 0, 'g', 6)
                         .arg(p.agrees ? 1 : 0)
                         .toUtf8();
    } else {
        QJsonArray frames;
        for (const TimelinePoint& p : points)
            frames.append(QJsonObject{{"index", p.frame},
                                      {"gmacs", p.gmacs},
                                      {"dense_gmacs", p.denseGmacs},
                                      {"ms", p.ms},
                                      {"dense_ms", p.denseMs},
                                      {"agrees_with_dense", p.agrees}});
        QJsonObject settings;
        for (const auto& [k, v] : m_last.knobs) settings.insert(QString::fromStdString(k), QString::fromStdString(v));
        const QJsonObject provenance{{"app", QStringLiteral("vitprune-studio " VITPRUNE_VERSION)},
                                     {"device", QStringLiteral("cpu")},
                                     {"threads", at::get_num_threads()}};
        bytes = QJsonDocument(QJsonObject{{"video", m_video},
                                          {"method", m_last.methodId},
                                          {"settings", settings},
                                          {"provenance", provenance},
                                          {"frames", frames}})
                    .toJson();
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error) *error = tr("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

}  // namespace vp
