#include "eval/latency_lock.h"

#include <algorithm>

#include "eval/latency.h"
#include "prune/budget.h"
#include "prune/registry.h"

namespace vp {

LatencyLock::LatencyLock(const ViTModel& model, Measure measure) : m_model(model), m_measure(std::move(measure)) {
    if (!m_measure) {
        m_measure = [this](const std::string& id, const KnobValues& v) {
            LatencyOptions o;
            o.warmup = 1;
            o.minRuns = 5;
            o.maxRuns = 9;
            o.maxSeconds = 5;
            return measureLatency(m_model, id, v, o).ms;
        };
    }
}

LatencyLock::~LatencyLock() = default;

void LatencyLock::reset() {
    m_times.clear();
    m_solvers.clear();
}

double LatencyLock::timed(const std::string& methodId, const KnobValues& values) {
    const std::string key = methodId + "|" + settingsText(values);
    auto it = m_times.find(key);
    if (it != m_times.end()) return it->second;
    const double ms = m_measure(methodId, values);
    m_times[key] = ms;
    return ms;
}

double LatencyLock::denseMs() { return timed("dense", {}); }

LatencyLock::Solved LatencyLock::solve(const std::string& methodId, const KnobValues& others, double fraction,
                                       double tolerance) {
    const std::string key = methodId + "|" + settingsText(others);
    auto it = m_solvers.find(key);
    if (it == m_solvers.end()) {
        auto solver = std::make_unique<BudgetSolver>(
            m_model, methodId, others, [this, methodId](const KnobValues& v) { return timed(methodId, v); });
        solver->setCostUnit("ms");
        it = m_solvers.emplace(key, std::move(solver)).first;
    }
    BudgetSolver& solver = *it->second;
    Solved out;
    out.denseMs = denseMs();
    const auto [lo, hi] = solver.range();
    out.targetMs = std::clamp(fraction * out.denseMs, std::min(lo, hi), std::max(lo, hi));
    if (lo >= hi) {
        // The knob's whole range costs the same time, up to noise: its cheapest end it is.
        out.values = others;
        out.values.set(solver.mainKnob(), solver.valueAt(solver.firstReachable()));
    } else {
        out.values = solver.solve(out.targetMs, tolerance);
    }
    out.ms = timed(methodId, out.values);
    return out;
}

}  // namespace vp
