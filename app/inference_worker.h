#pragma once
// Owns the model on its own QThread and runs the forwards; the UI thread never does.
// submit() may be called from any thread: it replaces the pane's pending request and wakes the
// worker, which runs only the newest request of each pane (latest wins), so slider drags never
// queue up. Results leave as Torch-free structs through queued signals.
#include <QObject>
#include <map>
#include <memory>
#include <condition_variable>
#include <mutex>
#include <opencv2/core.hpp>

#include "analysis/token_map.h"
#include "inference_types.h"
#include "model/vit_model.h"
#include "prune/budget.h"
#include "prune/method_setup.h"

namespace vp {

class LatencyLock;

class InferenceWorker : public QObject {
    Q_OBJECT
public:
    explicit InferenceWorker(QObject* parent = nullptr);
    ~InferenceWorker() override;

    // Thread-safe. Supersedes the same pane's request not yet started.
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
    bool newerPending(int pane) const;
    // Waits up to `ms` for a newer request of `pane`; true when one came.
    bool newerArrivesWithin(int pane, int ms);
    void handle(const StudioRequest& request);
    bool ensureModel(const StudioRequest& request);
    bool ensureDevice(const StudioRequest& request);
    void warmUp();
    bool ensureImage(const StudioRequest& request);
    void run(const StudioRequest& request);
    // Fills result.knobs (solving a budget) and result.budgetMin/Max. Throws vp::Error.
    void resolveKnobs(const StudioRequest& request, StudioResult& result);
    // Times the method's forward and the dense one interleaved; fills result.ms, denseMs, speedup
    // (with its range), timedRuns and noisy. Throws vp::Abandoned when a newer request comes.
    void timeInterleaved(int pane, const ViTModel& model, PruneMethod& method, StudioResult& result);
    void fillDense(const StudioRequest& request, StudioResult& result);
    // The token map of the forward that produced `tokens` and result.trace (app/inference_token_map.cpp).
    void fillTokenMap(const std::vector<at::Tensor>& tokens, StudioResult& result);
    // The attention views of the forward that captured `attention` and of the dense model
    // (app/inference_attention.cpp).
    void fillAttention(const PruneMethod& method, const std::vector<BlockAttention>& attention, StudioResult& result);
    void fail(const StudioRequest& request, StudioFailure::Stage stage, const QString& subject, const QString& message,
              int exitCode);

    mutable std::mutex m_mutex;
    std::condition_variable m_arrived;       // signalled by submit()
    std::map<int, StudioRequest> m_pending;  // by pane; guarded by m_mutex

    // Worker-thread state.
    bool m_hasModel = false;
    QString m_modelSpec;
    int m_partsRevision = -1;  // studioPartsRevision() when the model was loaded
    ViTModel m_cpuModel;       // as loaded
    ViTModel m_model;          // on m_device (shares m_cpuModel's tensors on the CPU)
    QString m_device = QStringLiteral("cpu");
    ModelInfo m_info;
    QString m_imagePath;
    cv::Mat m_decoded;   // as loaded from m_imagePath
    at::Tensor m_input;  // [1, C, S, S] for m_model
    bool m_inputValid = false;
    // The dense reference of the current (model, image, device).
    bool m_denseValid = false;
    std::vector<float> m_denseLogits;
    // The dense token PCA of m_input: valid while m_tokenFitInput is m_input (a new model, image
    // or device always makes a new m_input tensor; holding the old one keeps its identity unique).
    TokenMapFit m_tokenFit;
    at::Tensor m_tokenFitInput;
    // The dense model's attention views of m_input: valid while m_denseAttentionInput is m_input.
    AttentionMaps m_denseAttention;
    QString m_denseAttentionNote;
    at::Tensor m_denseAttentionInput;
    // Calibration images of the current model and device (Patch Slimming); read when first asked.
    CalibrationProvider m_calibration;
    quint64 m_runGeneration = 0;  // the request being run (for the calibration's status line)
    // Budget solving caches forwards per (method, other knobs).
    BudgetSolverCache m_solvers;
    // Equal-latency solving times each setting once per model and device.
    std::unique_ptr<LatencyLock> m_latencyLock;
};

}  // namespace vp
