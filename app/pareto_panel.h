#pragma once
// The studio's Pareto panel: accuracy against GMACs per method (ParetoPlot), what to sweep
// (SweepSetupForm), Run / Cancel, progress and status. Sweeps run on a SweepWorker on the
// panel's own thread; finished points land in the plot as they come and stay cached on disk, so
// reopening a model shows its points at once.
#include <QByteArray>
#include <QString>
#include <QThread>
#include <QElapsedTimer>
#include <QWidget>
#include <map>
#include <string>

#include "eval/sweep_result.h"
#include "sweep_job.h"
#include "sweep_worker.h"
#include "worker_thread.h"
#include "widgets/pareto_plot.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace vp {

class MeasuredCost;
class ParetoPlot;
class SweepSetupForm;

class ParetoPanel : public QWidget {
    Q_OBJECT
public:
    explicit ParetoPanel(QWidget* parent = nullptr);
    ~ParetoPanel() override;  // cancels a running sweep and waits for its thread

    // The model the sweeps are for (spec as openStudioModel takes it). Shows the cached points
    // for the current dataset/limit/points/methods at once; runs only with setAutoRun(true).
    // A sweep still running for another model is cancelled.
    void setModel(const QString& modelSpec, const QString& displayName, double denseGmacs, int numClasses = 0);
    void setAutoRun(bool on) { m_autoRun = on; }
    bool autoRun() const { return m_autoRun; }

    // Highlights the window's current setting: its accuracy is interpolated on the method's
    // swept curve (the dense point closing it) when `gmacs` lies on it; otherwise, or before the
    // method has points, nothing is highlighted. Kept and re-evaluated as points arrive.
    void setCurrent(const QString& methodId, double gmacs);

    void runSweep();  // with the form's choices; no-op while running or without a model
    void cancelSweep();
    // Shows the points of a sweep file (JSON of `vitprune sweep` or `merge`). False + *error
    // (naming the file) when it cannot be read.
    bool showSweepFile(const QString& path, QString* error);  // finished points stay cached
    bool isRunning() const { return m_running; }
    // Switches x to measured ms per image (if it shows GMACs) and times what is not cached;
    // latencyMeasured() follows when every shown point has its measurement.
    void showMeasuredCost();
    MeasuredCost* measuredCost() const { return m_cost; }

    ParetoPlot* plot() const { return m_plot; }
    SweepSetupForm* setupForm() const { return m_form; }
    SweepJob currentJob() const;  // what Run would start
    QString statusText() const;

    // What "export data" writes: the points shown, as core's sweep CSV / JSON (vitprune-sweep/1).
    QString csv() const;
    QByteArray json() const;

Q_SIGNALS:
    // A point was clicked: load this setting (forwarded from ParetoPlot::pointClicked).
    void settingRequested(const QString& methodId, const std::map<std::string, std::string>& settings);
    // A run ended: finished, cancelled or failed.
    void sweepFinished();
    // On a measured x axis: the shown points' timing ended (all measured, stopped or failed).
    void latencyMeasured();

private:
    void reloadCached();
    void clearShown();
    void showPoint(const QString& methodId, const SweepPoint& point);
    void updateCurrent();
    void redraw();        // every shown point again, on the current x axis
    bool measureShown();  // times the shown settings missing from the latency cache
    std::vector<ParetoPoint> plotPoints(const std::string& methodId) const;
    void updateControls();
    SweepResult shownResult() const;
    bool liveRun() const { return m_runsEnded >= m_firstLiveRun; }
    void updateEmpty();
    QString remainingText(double fraction) const;
    void onProgress(int pointsDone, int pointsTotal, qint64 imagesDone, qint64 imagesTotal, const QString& current);
    void onRunEnded(const QString& status);
    void setStatus(const QString& text);
    QString subject() const;  // "Fashion ViT on Fashion-MNIST test (10,000), 1000 images"

    ParetoPlot* m_plot = nullptr;
    MeasuredCost* m_cost = nullptr;
    SweepSetupForm* m_form = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_empty = nullptr;  // shown instead of the plot until there is a point
    QElapsedTimer m_runClock;   // since Run, for the time estimate

    // On its own thread at low priority: the window's own forwards come first.
    WorkerThread<SweepWorker> m_worker{QStringLiteral("SweepWorker"), QThread::LowPriority};
    // Runs are counted so that signals of a run made stale (model changed) are ignored: the
    // worker runs jobs in order, so the run whose signals arrive now is number m_runsEnded.
    int m_runsStarted = 0, m_runsEnded = 0, m_firstLiveRun = 0;
    bool m_running = false;
    bool m_autoRun = false;
    QStringList m_notices;  // of the live run

    bool m_hasModel = false;
    QString m_modelSpec, m_modelName;
    double m_denseGmacs = 0;
    SweepResult m_shown;  // methods in arrival order, "dense" among them
    QString m_currentMethod;
    double m_currentGmacs = 0;
    bool m_hasCurrent = false;
};

}  // namespace vp
