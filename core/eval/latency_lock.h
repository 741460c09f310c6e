#pragma once
// Equal-latency lock (compare mode): the setting of a method's main knob whose measured latency
// is a given fraction of the dense model's, found by bisection on measured time (BudgetSolver
// with a timed cost; 2% tolerance on the measured time, so that with a few % of timing noise the true
// time is within 5%). Every setting is timed once
// and remembered, so dragging the lock's slider re-times only settings it has not met.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "model/vit_model.h"
#include "prune/knob.h"

namespace vp {

class BudgetSolver;

class LatencyLock {
public:
    // ms of one forward of (method, values); "dense" for the dense model. Default: measureLatency
    // at batch 1 (a short series: 1 warm-up, 5 to 9 timed runs).
    using Measure = std::function<double(const std::string& methodId, const KnobValues& values)>;
    explicit LatencyLock(const ViTModel& model, Measure measure = {});
    ~LatencyLock();

    struct Solved {
        KnobValues values;    // `others` with the main knob set
        double targetMs = 0;  // fraction × dense, clamped to what the method can reach
        double ms = 0;        // the solved setting's measured latency
        double denseMs = 0;
    };
    // Throws vp::Error when the method has no numeric main knob.
    Solved solve(const std::string& methodId, const KnobValues& others, double fractionOfDense,
                 double tolerance = 0.02);
    double denseMs();
    int measurements() const { return static_cast<int>(m_times.size()); }
    void reset();  // forget every timing (another model, device or thread count)

private:
    double timed(const std::string& methodId, const KnobValues& values);
    const ViTModel& m_model;
    Measure m_measure;
    std::map<std::string, double> m_times;                           // "method|settings" -> ms
    std::map<std::string, std::unique_ptr<BudgetSolver>> m_solvers;  // per method and other knobs
};

}  // namespace vp
