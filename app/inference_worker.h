#pragma once
// Owns the model on its own QThread and runs the forwards; the UI thread never does.
// submit() may be called from any thread: it replaces the pending request and wakes the worker,
// which runs only the newest one (latest wins), so slider drags never queue up. Results leave as
// Torch-free structs through queued signals.
#include <QObject>
#include <mutex>
#include <optional>
#include <opencv2/core.hpp>

#include "inference_types.h"
#include "model/vit_model.h"

namespace vp {

class InferenceWorker : public QObject {
    Q_OBJECT
public:
    explicit InferenceWorker(QObject* parent = nullptr);

    // Thread-safe. Supersedes any request not yet started.
    void submit(const StudioRequest& request);

Q_SIGNALS:
    void modelLoaded(quint64 generation, const vp::ModelInfo& info);
    void imageLoaded(quint64 generation, const vp::ImageInfo& info);
    void resultReady(const vp::StudioResult& result);
    void failed(const vp::StudioFailure& failure);
    // The request is done (with or without a result, e.g. no image).
    void finished(quint64 generation);
    // Long step started ("Loading model…"), for the status bar.
    void busy(quint64 generation, const QString& what);

private:
    void processPending();
    bool newerPending() const;
    void handle(const StudioRequest& request);
    bool ensureModel(const StudioRequest& request);
    void warmUp();
    bool ensureImage(const StudioRequest& request);
    void run(const StudioRequest& request);
    void fail(const StudioRequest& request, StudioFailure::Stage stage, const QString& subject,
              const QString& message, int exitCode);

    mutable std::mutex m_mutex;
    std::optional<StudioRequest> m_pending;  // guarded by m_mutex

    // Worker-thread state.
    bool m_hasModel = false;
    QString m_modelSpec;
    ViTModel m_model;
    ModelInfo m_info;
    QString m_imagePath;
    cv::Mat m_decoded;          // as loaded from m_imagePath
    at::Tensor m_input;         // [1, C, S, S] for m_model
    bool m_inputValid = false;
};

}  // namespace vp
