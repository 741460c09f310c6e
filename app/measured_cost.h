#pragma once
// The Pareto plot's measured-cost axis: x switches between GMACs, measured latency per image (ms)
// and throughput (img/s), measured on a chosen device at a chosen batch size (1, 8, 32, custom)
// and thread count. Each setting is timed until stable (median of ≥ 5 timed runs after warm-up,
// eval/latency.h) and cached on disk with the machine, device, batch and thread count it was
// taken on, so switching back and forth or reopening the model re-times nothing; a new batch,
// thread count or device measures again. Owns its controls and its background job.
#include <QObject>
#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eval/latency.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QWidget;

namespace vp {

class BackgroundJob;

class MeasuredCost : public QObject {
    Q_OBJECT
public:
    enum class Axis { Gmacs, MsPerImage, ImagesPerSecond };
    // cachePath "": the user's cache folder (QStandardPaths::CacheLocation)/latency_cache.json.
    explicit MeasuredCost(QWidget* parent, const QString& cachePath = QString());
    ~MeasuredCost() override;

    QWidget* controls() const { return m_controls; }
    // Loads the axis, batch and threads chosen last time and saves every later change. Not
    // called by unattended runs (screenshots, tests): they start on GMACs, batch 1, all threads.
    void rememberChoices();
    Axis axis() const;
    void setAxis(Axis axis);
    int batch() const;
    void setBatch(int batch);
    int threads() const;
    void setThreads(int threads);
    QString device() const;
    QString axisLabel() const;

    void setModel(const QString& modelSpec);
    // The setting's cost on the current axis from the cache (nullopt: not measured yet).
    // Value and the p10/p90 spread as (cost, low, high) in axis units.
    struct Cost {
        double value = 0, low = 0, high = 0;
    };
    std::optional<Cost> cost(const std::string& methodId, const std::map<std::string, std::string>& settings) const;
    // Times the settings not in the cache, in the background; settings are (method id, knob
    // values), "dense" for the dense model. False when nothing was started: all cached, GMACs
    // axis, no model, or a timing job still running (measuringFinished() follows that one).
    bool measure(const std::vector<std::pair<std::string, std::map<std::string, std::string>>>& settings);
    void cancel();
    bool isMeasuring() const;
    int measurements() const { return m_measurements; }  // timed (not cached) settings so far
    const LatencyCache& cache() const { return *m_cache; }

Q_SIGNALS:
    void axisChanged();    // axis, batch, threads or device changed: redraw (and measure)
    void pointMeasured();  // a new measurement is in the cache
    void measuringFinished();

private:
    void updateVisibility();  // batch, threads and device only for a measured axis
    void choicesChanged();    // shows, saves (when remembering) and announces a new choice
    LatencyKey keyFor(const std::string& methodId, const std::map<std::string, std::string>& settings) const;
    QWidget* m_controls = nullptr;
    QComboBox* m_axis = nullptr;
    QComboBox* m_batch = nullptr;
    QSpinBox* m_customBatch = nullptr;
    QSpinBox* m_threads = nullptr;
    QComboBox* m_device = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_status = nullptr;
    BackgroundJob* m_job = nullptr;
    std::unique_ptr<LatencyCache> m_cache;  // read on the UI thread; written only from the job via post()
    QString m_modelSpec;
    std::string m_machine;
    int m_measurements = 0;
    bool m_remember = false;  // rememberChoices() was called
};

}  // namespace vp
