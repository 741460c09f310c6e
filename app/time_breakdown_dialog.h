#pragma once
// Analysis ▸ Time breakdown: for the window's current method and settings, the time per block in
// attention, MLP, the method's selection/merge ops and everything else, dense vs pruned (core
// eval/time_breakdown.h), measured in the background; a summary says how much of the time the
// FLOPs saving should have saved the selection ops took back. Exports the figure and the data.
#include <QDialog>
#include <optional>

#include "eval/time_breakdown.h"
#include "prune/knob.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace vp {

class BackgroundJob;
class TimeBreakdownChart;

class TimeBreakdownDialog : public QDialog {
    Q_OBJECT
public:
    TimeBreakdownDialog(const QString& modelSpec, const QString& modelName, const std::string& methodId,
                        const KnobValues& values, QWidget* parent = nullptr);
    void measure();
    bool isRunning() const;
    void setBreakdown(const TimeBreakdown& b);
    const std::optional<TimeBreakdown>& breakdown() const { return m_breakdown; }
    TimeBreakdownChart* chart() const { return m_chart; }
    QString summary() const;
    // .png/.svg/.pdf: the chart; .json: the data (vitprune-time-breakdown-1); .txt: the table.
    bool exportTo(const QString& path, QString* error);

Q_SIGNALS:
    void measured();  // a measurement ended (finished, cancelled or failed)

private:
    QString m_modelSpec;
    std::string m_methodId;
    KnobValues m_values;
    QSpinBox* m_batch = nullptr;
    QSpinBox* m_runs = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_summary = nullptr;
    TimeBreakdownChart* m_chart = nullptr;
    BackgroundJob* m_job = nullptr;
    std::optional<TimeBreakdown> m_breakdown;
};

}  // namespace vp
