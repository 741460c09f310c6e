#include "prune/budget.h"

#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>

#include "common/error.h"
#include "prune/flops.h"
#include "prune/method_setup.h"
#include "prune/registry.h"

namespace vp {
namespace {

// Images whose mean cost stands for a per-image-cost method's setting when the budget is solved.
constexpr int64_t kPerImageCostImages = 64;

std::string formatFixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::string g4(double v) {
    std::ostringstream s;
    s.precision(4);
    s << v;
    return s.str();
}

}  // namespace

double methodGMacs(const ViTModel& model, const std::string& methodId, const KnobValues& values,
                   const CalibrationProvider& calibration) {
    c10::InferenceMode guard;
    const MethodSpec spec = builtinRegistry().spec(methodId);
    at::Tensor x = randomInput(model);
    if (spec.costVariesPerImage && calibration) {
        // The kept count depends on the image (thresholds, halting): on noise it says nothing, so
        // the cost is the mean over the first real images the caller hands over.
        std::vector<at::Tensor> images = calibration(kPerImageCostImages);
        if (!images.empty()) {
            const at::Tensor all = at::cat(images, 0);
            x = all.narrow(0, 0, std::min<int64_t>(all.size(0), kPerImageCostImages)).to(model.device(), model.dtype());
        }
    }
    const bool own = calibration && spec.family == "structural";
    const ReadyMethod ready = readyMethod(model, methodId, values, own ? calibration : calibrationFrom({x}));
    const ViTModel& used = ready.model();
    ForwardResult r = used.forward(x, *ready);  // x is on the model's device and dtype
    return toG(traceMacs(used, r.trace));
}

SettingCost gmacsCost(const ViTModel& model, const std::string& methodId, CalibrationProvider calibration) {
    return [&model, methodId, calibration = std::move(calibration)](const KnobValues& v) {
        return methodGMacs(model, methodId, v, calibration);
    };
}

KnobValues withDefaultMainKnob(const MethodSpec& spec, KnobValues values) {
    if (const Knob* main = spec.mainKnob.empty() ? nullptr : spec.knob(spec.mainKnob))
        values.set(main->id, main->defaultValue);
    return values;
}

BudgetSolver& BudgetSolverCache::solverFor(const ViTModel& model, const std::string& methodId, const KnobValues& values,
                                           const CalibrationProvider& calibration) {
    const MethodSpec& spec = builtinRegistry().spec(methodId);
    const KnobValues others = withDefaultMainKnob(spec, values);
    const std::string key = methodId + "|" + settingsText(others, "|");
    if (!m_solver || key != m_key) {
        m_solver = std::make_unique<BudgetSolver>(
            model, methodId, others,
            calibration && spec.costVariesPerImage ? gmacsCost(model, methodId, calibration) : SettingCost{});
        m_key = key;
    }
    return *m_solver;
}

void BudgetSolverCache::reset() {
    m_solver.reset();
    m_key.clear();
}

BudgetSolver::BudgetSolver(const ViTModel& model, std::string methodId, KnobValues base, SettingCost cost)
    : m_model(model), m_methodId(std::move(methodId)), m_base(std::move(base)), m_cost(std::move(cost)) {
    if (!m_cost) m_cost = [this](const KnobValues& v) { return methodGMacs(m_model, m_methodId, v); };
    const MethodSpec& spec = builtinRegistry().spec(m_methodId);
    if (spec.mainKnob.empty())
        throw Error("method '" + m_methodId +
                    "' has no main knob, so no setting of it can be chosen for a cost budget (GMACs or time)");
    const Knob* k = spec.knob(spec.mainKnob);
    if (!k || (k->type != KnobType::Number && k->type != KnobType::Integer))
        throw Error("method '" + m_methodId + "': main knob '" + spec.mainKnob + "' is not numeric",
                    Error::Kind::Internal);
    m_knob = k->id;
    // A per-block schedule replaces the main knob, so moving it would change nothing: say so
    // rather than return a range of one cost (clear the schedule, or scale it by hand).
    if (m_base.hasSchedule(spec))
        throw Error("method '" + m_methodId + "': the per-block schedule (knob '" + spec.scheduleKnob +
                    "') is set and replaces the main knob '" + m_knob + "', so no setting of '" + m_knob +
                    "' can meet a budget; clear the schedule (--set " + spec.scheduleKnob + "=) to solve for one");
    m_min = k->min;
    m_max = k->max;
    m_increasesCost = spec.mainKnobIncreasesCost;
    if (k->type == KnobType::Integer) {
        m_gridStep = 1;
        m_decimals = 0;
    } else {
        m_gridStep = k->step > 0 ? k->step / 100 : (m_max - m_min) / 10000;
        m_decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(m_gridStep) - 1e-9)));
    }
    m_last = std::max<int64_t>(0, std::llround((m_max - m_min) / m_gridStep));
    // Fail early, naming the knob, when one of the other values is bad.
    KnobValues probe = m_base;
    probe.set(m_knob, valueAt(m_last));
    probe.validate(spec);
}

std::string BudgetSolver::valueAt(int64_t j) const {
    const int64_t i = m_increasesCost ? j : m_last - j;
    const double v = i >= m_last ? m_max : m_min + static_cast<double>(i) * m_gridStep;
    return formatFixed(v, m_decimals);
}

double BudgetSolver::costAt(int64_t j) {
    auto it = m_cache.find(j);
    if (it != m_cache.end()) return it->second;
    KnobValues v = m_base;
    v.set(m_knob, valueAt(j));
    const double g = m_cost(v);
    m_cache[j] = g;
    return g;
}

int64_t BudgetSolver::firstReachable() {
    if (m_first >= 0) return m_first;
    try {
        costAt(0);
        return m_first = 0;
    } catch (const Error& e) {
        if (e.kind() == Error::Kind::Internal) throw;
    }
    costAt(m_last);  // the dearest end must work; its error is the one to report
    // Reachability is monotone along the grid (cheap -> dear): bisect for its first index.
    int64_t bad = 0, good = m_last;
    while (good - bad > 1) {
        const int64_t mid = bad + (good - bad) / 2;
        try {
            costAt(mid);
            good = mid;
        } catch (const Error& e) {
            if (e.kind() == Error::Kind::Internal) throw;
            bad = mid;
        }
    }
    return m_first = good;
}

std::pair<double, double> BudgetSolver::range() { return {costAt(firstReachable()), costAt(m_last)}; }

KnobValues BudgetSolver::solve(double target, double tolerance) {
    const auto [lo, hi] = range();
    if (!(target > 0) || target < lo * (1 - tolerance) || target > hi * (1 + tolerance)) {
        std::string msg = "budget " + g4(target) + " " + m_unit + " is outside the reachable range of method '" +
                          m_methodId + "' on this model: " + g4(lo) + " to " + g4(hi) + " " + m_unit + " (" + m_knob +
                          " " + valueAt(m_first) + " to " + valueAt(m_last);
        if (m_unit == "GMACs") msg += "; dense " + g4(toG(denseMacs(m_model))) + " GMACs";
        throw Error(msg + ")");
    }
    // Largest grid index (cheap -> dear) whose cost is not above the target: a bracket [a, b]
    // with cost(a) <= target < cost(b), narrowed by interpolation (cost is near-linear in the
    // knob) alternating with bisection (so never worse than twice bisection). Number knobs stop
    // as soon as cost(a) is within the tolerance; integer knobs go to the end, so among equal
    // costs the least aggressive setting wins (ToMe r = 25 rather than 128 at the floor).
    const double slack = tolerance * target;
    const bool exhaustive = m_decimals == 0;
    int64_t a = m_first;
    if (costAt(a) <= target) {
        int64_t b = m_last;
        if (costAt(b) <= target) {
            a = b;
        } else {
            for (int step = 0; b - a > 1; ++step) {
                const double ca = costAt(a), cb = costAt(b);
                if (!exhaustive && target - ca <= slack) break;
                int64_t mid = a + (b - a) / 2;
                if (step % 2 == 0 && cb > ca)
                    mid = std::clamp<int64_t>(a + std::llround((target - ca) / (cb - ca) * (b - a)), a + 1, b - 1);
                (costAt(mid) <= target ? a : b) = mid;
            }
        }
    }
    int64_t chosen = a;
    if (costAt(a) < target - slack && a < m_last && costAt(a + 1) <= target + slack) chosen = a + 1;
    // Prefer a round value (a multiple of the knob's step, else of a tenth of it) that costs the
    // same or also meets the budget: token counts are ceil()s of the knob, so many values tie.
    if (m_decimals > 0) {
        const int64_t i = m_increasesCost ? chosen : m_last - chosen;
        const double base = costAt(chosen);
        for (int64_t unit : {100, 10}) {
            const int64_t ri = std::min<int64_t>(m_last, (i + unit / 2) / unit * unit);
            const int64_t rj = m_increasesCost ? ri : m_last - ri;
            if (rj == chosen) break;
            const double g = costAt(rj);
            if (std::abs(g - base) <= 1e-12 * std::max(1.0, base) || (g <= target && target - g <= slack)) {
                chosen = rj;
                break;
            }
        }
    }
    KnobValues out = m_base;
    out.set(m_knob, valueAt(chosen));
    return out;
}

KnobValues solveForBudget(const ViTModel& model, const std::string& methodId, KnobValues base, double targetGMacs,
                          double tolerance, const CalibrationProvider& calibration) {
    BudgetSolver solver(model, methodId, std::move(base),
                        calibration ? gmacsCost(model, methodId, calibration) : SettingCost{});
    return solver.solve(targetGMacs, tolerance);
}

std::pair<double, double> gmacsRange(const ViTModel& model, const std::string& methodId, const KnobValues& base) {
    BudgetSolver solver(model, methodId, base);
    return solver.range();
}

}  // namespace vp
