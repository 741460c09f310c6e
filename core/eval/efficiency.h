#pragma once
// "GMACs saved vs time saved": a pruned setting's measured speed-up over the dense model divided by
// its GMACs speed-up. Dense and pruned forwards are interleaved (dense, pruned, dense, ...) so the
// machine's drift hits both alike, and the speed-up is the median of the per-pair ratios with its
// p10-p90 spread. One row per (method, setting, batch); the CLI (`vitprune bench --batches`) and
// the studio's efficiency view build the same table from here.
#include <functional>
#include <string>
#include <vector>

#include "model/vit_model.h"
#include "prune/knob.h"

namespace vp {

struct EfficiencyRow {
    std::string method, setting;  // setting: "keep=0.7"
    KnobValues values;
    double budget = 0;  // target fraction of dense GMACs the setting was solved for (0: given)
    int batch = 1, threads = 1, pairs = 0;
    std::string device;
    double denseMs = 0, ms = 0;  // medians per batch forward
    double speedup = 0, speedupP10 = 0, speedupP90 = 0;
    double gmacsDense = 0, gmacs = 0;
    double gmacsSpeedup() const { return gmacs > 0 ? gmacsDense / gmacs : 0; }
    double efficiency() const { return gmacsSpeedup() > 0 ? speedup / gmacsSpeedup() : 0; }
};

struct PairTiming {
    int pairs = 20;
    int warmup = 3;
};

// Interleaved dense/pruned timing of one setting at `batch` on a fixed seeded input.
// `cancelled` is polled between pairs; a cancelled row has pairs == 0.
EfficiencyRow measureEfficiency(const ViTModel& model, const std::string& methodId, const KnobValues& values, int batch,
                                const PairTiming& timing, const std::function<bool()>& cancelled = {});

struct EfficiencyPlan {
    std::vector<std::string> methods;  // empty: every training-free token method (see defaultMethods)
    std::vector<int> batches{1, 8, 32};
    // Each method is set, by the budget solver, to these fractions of the dense GMACs, so that all
    // methods are compared at the same costs.
    std::vector<double> budgets{0.85, 0.7, 0.5};
    // Pairs per setting: batch 1 is fast and noisy, large batches slow and steady.
    int pairsBatch1 = 20, pairsLarge = 6, warmup = 2;
};

// Training-free token-reduction methods and baselines, except dense and calibrated ones.
std::vector<std::string> efficiencyDefaultMethods();

// Called after each row with (done, total, row); return false to stop.
using EfficiencyProgress = std::function<bool(int done, int total, const EfficiencyRow& row)>;
std::vector<EfficiencyRow> efficiencyTable(const ViTModel& model, const EfficiencyPlan& plan,
                                           const EfficiencyProgress& progress = {});

std::string efficiencyJson(const std::vector<EfficiencyRow>& rows, int indent = 1);
std::vector<EfficiencyRow> efficiencyFromJson(const std::string& text, const std::string& origin);
std::string efficiencyMarkdown(const std::vector<EfficiencyRow>& rows);

}  // namespace vp
