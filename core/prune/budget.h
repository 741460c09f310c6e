#pragma once
// Equal-cost comparison: the setting of a method's main knob that meets a GMACs budget.
// Cost is measured, not modelled: a batch-1 forward on a fixed seeded random input (the same
// input `vitprune flops` uses) and traceMacs, so every method, fixed or dynamic, token or
// structural, is solved the same way. The main knob is searched on a grid (integers: every
// value; numbers: 1/100 of the knob's step) by bisection, which needs only that cost be
// monotone in the knob (MethodSpec::mainKnobIncreasesCost says which way).
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "model/vit_model.h"
#include "prune/knob.h"
#include "prune/method_setup.h"

namespace vp {

// GMACs per image of `methodId` configured with `values` on `model` (structural methods are
// measured on their patched model). Throws vp::Error on bad values. Calibrated token methods
// (static masks) cost the same whatever their images, so they calibrate on the random input; a
// structural method's shape can depend on its images (WDPruning's exit block), so with
// `calibration` given it calibrates on those, as the run it is solved for will. A method whose
// cost varies per image (LTP, IA-RED², A-ViT) is measured, with `calibration` given, as the mean
// over its first 64 images instead of the random input.
double methodGMacs(const ViTModel& model, const std::string& methodId, const KnobValues& values,
                   const CalibrationProvider& calibration = {});

// `base` with the main knob set so that the GMACs are within `tolerance` (relative) of
// `targetGMacs`, preferring the closest setting not above the target. Throws vp::Error when the
// method has no numeric main knob or the target lies outside the reachable range.
KnobValues solveForBudget(const ViTModel& model, const std::string& methodId, KnobValues base, double targetGMacs,
                          double tolerance = 0.005, const CalibrationProvider& calibration = {});

// The GMACs cost of a BudgetSolver measured with `calibration` (methodGMacs).
using SettingCost = std::function<double(const KnobValues&)>;
SettingCost gmacsCost(const ViTModel& model, const std::string& methodId, CalibrationProvider calibration);

// (cheapest, dearest) GMACs over the main knob's range, other knobs as in `base`.
std::pair<double, double> gmacsRange(const ViTModel& model, const std::string& methodId, const KnobValues& base);

// Cost of one setting (SettingCost): GMACs by default; the measured latency for the
// equal-latency lock (eval/latency.h). Any cost that is monotone in the main knob, up to noise,
// can be solved for.

// The same with the measurements cached, for many targets on one method (sweeps, sliders).
class BudgetSolver {
public:
    BudgetSolver(const ViTModel& model, std::string methodId, KnobValues base, SettingCost cost = {});
    const std::string& mainKnob() const { return m_knob; }
    std::pair<double, double> range();
    KnobValues solve(double targetCost, double tolerance = 0.005);
    // Text of the main knob at grid index `j` (j = 0 is the cheapest end) and its cost.
    std::string valueAt(int64_t j) const;
    double gmacsAt(int64_t j) { return costAt(j); }
    double costAt(int64_t j);
    // Cost evaluations so far (each one a forward, or a timed series for latency).
    int evaluations() const { return static_cast<int>(m_cache.size()); }
    int64_t gridSize() const { return m_last + 1; }
    // The cheapest grid index the method accepts (0 unless it refuses the cheap end, as a
    // structural budget below what removing every allowed unit leaves); range() starts there.
    int64_t firstReachable();

private:
    const ViTModel& m_model;
    std::string m_methodId, m_knob;
    KnobValues m_base;
    SettingCost m_cost;
    std::string m_unit = "GMACs";
    double m_min = 0, m_max = 0, m_gridStep = 1;
    int m_decimals = 0;
    bool m_increasesCost = true;
    int64_t m_last = 0;
    // Cheapest grid index the method can reach: settings below it are refused by the method (a
    // structural budget under what removing every allowed unit leaves). -1: not looked for yet.
    int64_t m_first = -1;
    std::map<int64_t, double> m_cache;

public:
    // Names the cost in error messages ("GMACs", "ms").
    void setCostUnit(std::string unit) { m_unit = std::move(unit); }
};

// `values` with the method's main knob back at its default: what a solver for that method is
// built on, so that settings differing only in the main knob share one solver (and its forwards).
KnobValues withDefaultMainKnob(const MethodSpec& spec, KnobValues values);

// Keeps the solver of the last (model, method, other knobs): slider drags that only move the main
// knob reuse its measured forwards. reset() when the model or its device changes.
class BudgetSolverCache {
public:
    // With `calibration`, a method whose cost varies per image is solved on those images' mean
    // cost (methodGMacs), as sweeps are; others on the random input.
    BudgetSolver& solverFor(const ViTModel& model, const std::string& methodId, const KnobValues& values,
                            const CalibrationProvider& calibration = {});
    void reset();

private:
    std::unique_ptr<BudgetSolver> m_solver;
    std::string m_key;
};

}  // namespace vp
