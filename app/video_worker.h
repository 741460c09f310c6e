#pragma once
// Plays a video through a method on its own thread. A VideoDecoder (io/) decodes and paces the
// frames on a thread of its own into a one-slot mailbox; this worker takes the newest frame,
// runs the dense model and the method on it (VideoEvaluator: video methods continue their stream
// from frame to frame) and sends the frame's view to the page. The UI thread only ever receives
// finished frames, so decoding and inference never stall it. Every call is queued onto the
// worker's thread (QMetaObject::invokeMethod), so a method change waits for at most one frame.
#include <QObject>
#include <QString>
#include <QTimer>
#include <opencv2/core.hpp>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "model/vit_model.h"
#include "prune/method_setup.h"
#include "video_types.h"

namespace vp {

class VideoDecoder;
class VideoEvaluator;

class VideoWorker : public QObject {
    Q_OBJECT
public:
    explicit VideoWorker(QObject* parent = nullptr);
    ~VideoWorker() override;

    // Thread-safe: asks a running (or queued) export to stop after its current frame.
    void cancelExport() { m_cancelExport = true; }
    // Thread-safe, from the UI thread before it queues exportVideo (so a Cancel is never lost).
    void armExport() { m_cancelExport = false; }
    // Thread-safe: the page has taken a frame. The worker sends the next one only then, so frames
    // never pile up in the UI thread's queue (the decoder's mailbox drops the ones in between).
    void frameTaken() { m_unshown = 0; }

public Q_SLOTS:
    // Opens `video` (file or camera:N) for `modelSpec` ("" = default model) and shows its first
    // frame. Emits opened() or failed().
    void open(quint64 session, const QString& video, const QString& modelSpec);
    void setMethod(const QString& methodId, const std::map<std::string, std::string>& knobs);
    void play();
    void pause();
    void step();
    void seek(qint64 frame);
    void setSpeed(double speed);
    void setLoop(bool loop);
    // The next frame starts the method's stream again (a video method computes it densely).
    void resetStream();
    void close();
    // Runs the whole video (from frame 0, every frame) through the method and writes the overlaid
    // frames after `layer` to `path` (Motion-JPEG AVI). Emits exportProgress and exportDone.
    void exportVideo(const QString& path, int layer);

Q_SIGNALS:
    void opened(const vp::VideoOpened& info);
    void frameReady(const vp::VideoFrameView& frame);
    void failed(const QString& message);
    // Playback reached the end of the file (truncated: before the frame count of its header).
    void ended(bool truncated);
    void playingChanged(bool playing);
    void exportProgress(int done, int total);
    void exportDone(bool ok, const QString& message);

private:
    void tick();
    bool ensureMethod();
    VideoFrameView process(const cv::Mat& image, qint64 index);

    quint64 m_session = 0;
    QString m_video;
    QString m_modelSpec;
    int m_partsRevision = -1;  // studioPartsRevision() when the model was loaded
    bool m_hasModel = false;
    ViTModel m_model;
    std::unique_ptr<VideoDecoder> m_decoder;
    QString m_methodId = QStringLiteral("dense");
    std::map<std::string, std::string> m_knobs;
    std::optional<ReadyMethod> m_ready;
    std::unique_ptr<VideoEvaluator> m_evaluator;
    QTimer* m_timer = nullptr;
    bool m_reportedEnd = false;
    bool m_freshEvaluator = false;
    std::atomic<bool> m_cancelExport{false};
    std::atomic<int> m_unshown{0};
};

}  // namespace vp
