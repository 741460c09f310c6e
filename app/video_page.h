#pragma once
// The studio's video page: the frame as the model sees it with the patch fates of one block
// (recomputed patches clear, patches whose block output was reused from an earlier frame tinted
// blue, for the Eventful Transformer; kept/dropped/merged for the other methods), an on-canvas
// count per fate, the transport, the current frame's numbers and a timeline of GMACs, ms and
// agreement with dense per frame. A VideoWorker on its own thread decodes and runs the model;
// this page only draws what arrives. Exports: the overlaid video and the per-frame data.
#include <QWidget>

#include "video_types.h"
#include "video_worker.h"
#include "worker_thread.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace vp {

class PatchOverlayView;
class VideoTimeline;
class VideoTransport;

class VideoPage : public QWidget {
    Q_OBJECT
public:
    explicit VideoPage(QWidget* parent = nullptr);
    ~VideoPage() override;

    // Opens a file or camera:N with the model; the method comes with setMethod.
    void openVideo(const QString& video, const QString& modelSpec);
    void setMethod(const std::string& methodId, const std::map<std::string, std::string>& knobs);
    void setDepth(int depth);
    void setLayer(int layer);  // 0-based block; -1 = the last
    void play(bool on);
    bool hasVideo() const { return !m_video.isEmpty(); }
    QString video() const { return m_video; }
    QString modelSpec() const { return m_modelSpec; }

    // Per-frame data as CSV or JSON (by suffix), with provenance. Atomic.
    bool exportData(const QString& path, QString* error) const;
    // The overlaid video, processed again from frame 0 with the current method (progress, Cancel).
    void exportVideo(const QString& path);

    // For tests and the playback benchmark.
    VideoTransport* transport() const { return m_transport; }
    VideoTimeline* timeline() const { return m_timeline; }
    PatchOverlayView* overlayView() const { return m_view; }
    const VideoFrameView& lastFrame() const { return m_last; }
    qint64 framesShown() const { return m_shown; }
    // Newest decoded frame - shown frame, worst so far (frames right after a method change excluded).
    qint64 maxLag() const { return m_maxLag; }

Q_SIGNALS:
    void opened(const vp::VideoOpened& info);
    void frameShown();
    void failed(const QString& message);
    void exportFinished(bool ok, const QString& message);

private:
    void onFrame(const VideoFrameView& frame);
    void showFates();
    template <typename F>
    void onWorker(F&& call) {
        VideoWorker* w = m_worker.get();
        QMetaObject::invokeMethod(
            w, [w, call] { call(w); }, Qt::QueuedConnection);
    }

    WorkerThread<VideoWorker> m_worker{QStringLiteral("VideoWorker")};
    QString m_video;
    QString m_modelSpec;
    quint64 m_session = 0;  // bumped by openVideo; frames of an earlier video are ignored
    VideoOpened m_info;
    PatchOverlayView* m_view;
    QLabel* m_legend;
    QLabel* m_numbers;
    QSpinBox* m_layer;
    VideoTransport* m_transport;
    VideoTimeline* m_timeline;
    QPushButton* m_exportVideo;
    QPushButton* m_exportData;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    VideoFrameView m_last;
    bool m_hasFrame = false;
    bool m_followLastLayer = true;  // show the last block whatever the depth
    // The method last sent to the worker.
    bool m_methodSent = false;
    std::string m_methodId;
    std::map<std::string, std::string> m_knobs;
    qint64 m_shown = 0;
    qint64 m_maxLag = 0;
};

}  // namespace vp
