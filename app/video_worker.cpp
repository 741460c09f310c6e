#include "video_worker.h"

#include <c10/core/InferenceMode.h>

#include <QThread>

#include "common/error.h"
#include "eval/video_eval.h"
#include "io/dataset_batches.h"
#include "io/fate_drawing.h"
#include "io/preprocess.h"
#include "io/video_decoder.h"
#include "io/video_file_writer.h"
#include "model_source.h"

namespace vp {
namespace {

QImage toQImage(const cv::Mat& rgb) {
    return QImage(rgb.data, rgb.cols, rgb.rows, static_cast<int>(rgb.step), QImage::Format_RGB888).copy();
}

QString errorText(const std::exception& e) {
    if (const auto* c = dynamic_cast<const c10::Error*>(&e)) return QString::fromStdString(c->what_without_backtrace());
    return QString::fromStdString(e.what());
}

}  // namespace

VideoWorker::VideoWorker(QObject* parent) : QObject(parent) {
    m_timer = new QTimer(this);
    m_timer->setInterval(0);  // take() waits for frames itself
    connect(m_timer, &QTimer::timeout, this, &VideoWorker::tick);
}

VideoWorker::~VideoWorker() = default;

void VideoWorker::open(quint64 session, const QString& video, const QString& modelSpec) {
    m_session = session;
    m_timer->stop();
    m_evaluator.reset();
    m_decoder.reset();
    try {
        if (!m_hasModel || modelSpec != m_modelSpec || m_partsRevision != studioPartsRevision()) {
            m_hasModel = false;
            m_ready.reset();
            m_model = openStudioModel(modelSpec.toStdString()).model;
            m_modelSpec = modelSpec;
            m_partsRevision = studioPartsRevision();
            m_hasModel = true;
        }
        auto source = std::make_unique<VideoSource>(video.toStdString());
        const VideoInfo& info = source->info();
        VideoOpened v;
        v.session = session;
        v.origin = QString::fromStdString(info.origin);
        v.camera = info.camera;
        v.width = info.width;
        v.height = info.height;
        v.fps = info.fps;
        v.frameCount = info.frameCount;
        v.codec = QString::fromStdString(info.codec);
        m_decoder = std::make_unique<VideoDecoder>(std::move(source));
        m_video = video;
        Q_EMIT opened(v);
    } catch (const std::exception& e) {
        m_video.clear();  // nothing to export until a video opens
        Q_EMIT failed(errorText(e));
        return;
    }
    m_reportedEnd = false;
    m_unshown = 0;
    m_decoder->step();  // show the first frame
    m_timer->start();
}

void VideoWorker::setMethod(const QString& methodId, const std::map<std::string, std::string>& knobs) {
    if (methodId == m_methodId && knobs == m_knobs && m_ready) return;
    m_methodId = methodId;
    m_knobs = knobs;
    m_evaluator.reset();
    m_ready.reset();
}

void VideoWorker::play() {
    if (!m_decoder) return;
    m_decoder->play();
    Q_EMIT playingChanged(true);
}

void VideoWorker::pause() {
    if (!m_decoder) return;
    m_decoder->pause();
    Q_EMIT playingChanged(false);
}

void VideoWorker::step() {
    if (m_decoder) m_decoder->step();
}

void VideoWorker::seek(qint64 frame) {
    if (!m_decoder) return;
    m_decoder->seek(frame);  // its first frame after the jump starts a new stream (DecodedFrame::streamStart)
}

void VideoWorker::setSpeed(double speed) {
    if (m_decoder) m_decoder->setSpeed(speed);
}

void VideoWorker::setLoop(bool loop) {
    if (m_decoder) m_decoder->setLoop(loop);
}

void VideoWorker::resetStream() {
    if (m_evaluator) m_evaluator->reset();
}

void VideoWorker::close() {
    m_timer->stop();
    m_evaluator.reset();
    m_decoder.reset();
}

bool VideoWorker::ensureMethod() {
    if (m_evaluator) return true;
    try {
        c10::InferenceMode guard;
        const std::string id = m_methodId.toStdString();
        CalibrationProvider calibration;
        if (id != "dense") calibration = datasetCalibration(kDefaultCalibrationSource, m_model.config());
        m_ready = readyMethod(m_model, id, knobValuesFrom(m_knobs), calibration);
        m_evaluator = std::make_unique<VideoEvaluator>(m_model, m_ready->model(), *m_ready->method, true);
        m_freshEvaluator = true;
        return true;
    } catch (const std::exception& e) {
        m_ready.reset();
        Q_EMIT failed(tr("%1: %2").arg(m_methodId, errorText(e)));
        pause();
        return false;
    }
}

VideoFrameView VideoWorker::process(const cv::Mat& image, qint64 index) {
    c10::InferenceMode guard;
    const ViTModel& model = m_ready->model();
    at::Tensor x = preprocess(image, model.config()).to(model.device(), model.dtype());
    VideoFrameResult r = m_evaluator->step(x, index);
    VideoFrameView v;
    v.session = m_session;
    v.index = index;
    v.display = toQImage(displayImage(image, model.config()));
    v.trace = std::move(r.trace);
    v.methodId = m_methodId;
    v.knobs = m_knobs;
    v.gmacs = r.gmacs;
    v.denseGmacs = r.denseGmacs;
    v.ms = r.ms;
    v.denseMs = r.denseMs;
    v.top1 = r.top1;
    v.denseTop1 = r.denseTop1;
    v.top1Prob = r.top1Prob;
    v.top1Label = QString::fromStdString(model.config().label(r.top1));
    v.denseLabel = QString::fromStdString(model.config().label(r.denseTop1));
    v.dropped = m_decoder ? m_decoder->frames().dropped() : 0;
    v.newestDecoded = m_decoder ? m_decoder->newestIndex() : index;
    v.afterSetup = m_freshEvaluator;
    m_freshEvaluator = false;
    return v;
}

void VideoWorker::tick() {
    if (!m_decoder) {
        m_timer->stop();
        return;
    }
    if (m_unshown > 0) {  // the page has not taken the last frame yet
        QThread::msleep(2);
        return;
    }
    std::optional<DecodedFrame> frame = m_decoder->frames().take(std::chrono::milliseconds(15));
    if (!frame) {
        if (m_decoder->ended() && !m_reportedEnd) {
            m_reportedEnd = true;
            Q_EMIT playingChanged(false);
            Q_EMIT ended(m_decoder->truncated());
        }
        return;
    }
    m_reportedEnd = false;
    if (!ensureMethod()) return;
    // A seek or a loop back to the start: the previous frame is not this one's predecessor.
    if (frame->streamStart) m_evaluator->reset();
    try {
        VideoFrameView view = process(frame->image, frame->index);
        m_unshown = 1;
        Q_EMIT frameReady(view);
    } catch (const std::exception& e) {
        pause();
        Q_EMIT failed(tr("Frame %1: %2").arg(frame->index).arg(errorText(e)));
    }
}

void VideoWorker::exportVideo(const QString& path, int layer) {
    const bool wasPlaying = m_decoder && m_decoder->playing();
    if (m_decoder) m_decoder->pause();
    try {
        if (!ensureMethod()) throw Error("the method cannot run");
        VideoSource source(m_video.toStdString());
        const VideoInfo& info = source.info();
        const ViTModel& model = m_ready->model();
        VideoFileWriter writer(path.toStdString(), info.fps);
        m_evaluator->reset();
        const int total = static_cast<int>(std::max<int64_t>(0, info.frameCount));
        const int scale = std::max(1, 448 / model.config().imageSize);
        const std::string settings = settingsText(m_knobs);
        cv::Mat image;
        int done = 0;
        while (!m_cancelExport && source.read(image)) {
            const VideoFrameView v = process(image, source.position() - 1);
            FrameCaption c;
            c.index = v.index;
            c.method = m_methodId.toStdString();
            c.settings = settings;
            c.videoMethod = m_ready->method->spec().family == "video";
            c.layer = layer;
            c.gmacs = v.gmacs;
            c.denseGmacs = v.denseGmacs;
            c.label = v.top1Label.toStdString();
            c.denseLabel = v.denseLabel.toStdString();
            writer.write(overlaidFrame(displayImage(image, model.config()), v.trace, c, scale));
            Q_EMIT exportProgress(++done, total);
        }
        m_evaluator->reset();
        if (m_cancelExport) {
            Q_EMIT exportDone(false, tr("Export cancelled; %1 was not written.").arg(path));
        } else {
            writer.commit();
            Q_EMIT exportDone(true, tr("Wrote %1 frames to %2").arg(writer.frames()).arg(path));
        }
    } catch (const std::exception& e) {
        Q_EMIT exportDone(false, errorText(e));
    }
    if (wasPlaying && m_decoder) m_decoder->play();
}

}  // namespace vp
