#pragma once
// Pareto sweeps: each method at N settings evenly spaced in GMACs between its cheapest setting
// and dense (solved on the main knob, see prune/budget.h), plus the dense point once; accuracy,
// measured GMACs and forward ms per point over (a shard of) a dataset. The result file is
// rewritten atomically after every point, so an interrupted sweep resumes where it stopped.
#include <functional>
#include <string>
#include <vector>

#include "eval/evaluator.h"
#include "eval/sweep_result.h"
#include "model/vit_model.h"
#include "prune/method_setup.h"

namespace vp {

// The settings to evaluate, in order: "dense" first (one point), then each method's points from
// the cheapest up. Only settings and targets are filled in.
struct SweepPlan {
    double denseGMacs = 0;
    std::vector<SweepMethod> methods;
    int size() const;
};

// Throws vp::Error for unknown methods, methods without a main knob or that cannot go below
// dense, repeated ids, and points < 1.
// `calibration`: the images the sweep's runs calibrate on, so that a structural method's cost is
// solved on the shape those runs will have (prune/budget.h).
SweepPlan planSweep(const ViTModel& model, const std::vector<std::string>& methodIds, int pointsPerMethod,
                    double tolerance = 0.005, const CalibrationProvider& calibration = {});

struct SweepOptions {
    std::string model, dataset;  // as the user named them; recorded and compared on resume/merge
    int64_t limit = 0;           // images of the dataset covered (before sharding)
    Shard shard;
    int pointsPerMethod = 0;
    int64_t batch = 64;
    std::string out;                        // JSON path; the CSV goes beside it
    int64_t cacheBytes = int64_t(1) << 30;  // keep pre-processed batches in memory up to this size
    // Calibration images for methods that need them (PruneMethod::calibrationImages()), as
    // batches. Must not depend on the shard, so that every shard prunes alike. Asked once per
    // calibrated point: datasetCalibration (io/dataset_batches.h) keeps the images per count.
    CalibrationProvider calibration;
    // Called with every finished point: first those resumed from `out` (resumed = true, in plan
    // order), then each point once it is measured and written. For live plots.
    std::function<void(const std::string& methodId, const SweepPoint& point, bool resumed)> pointDone;
};

// The file's header for `plan` under `opts` with no point finished yet (what runSweep starts from).
SweepResult emptySweep(const SweepPlan& plan, const SweepOptions& opts);

struct SweepProgress {
    int pointsDone = 0, pointsTotal = 0;  // over the whole plan, resumed points included
    int evaluatedThisRun = 0;
    int64_t imagesDone = 0, imagesTotal = 0;  // images to evaluate in this run
    std::string current;                      // "evit keep=0.5"
};
// Called before each point and after each batch; return false to stop (the finished points
// stay in the file, the unfinished one is dropped).
using SweepProgressFn = std::function<bool(const SweepProgress&)>;

struct SweepRun {
    SweepResult result;
    int evaluated = 0;  // points measured in this run
    int resumed = 0;    // points taken from an existing file
    bool cancelled = false;
};

// Before the (slow) planning: throws vp::Error naming opts.out when it holds a sweep that a run of
// `methodIds` under `opts` could not resume (another model, dataset, image count, shard, points
// per method or method list).
void checkSweepOut(const std::vector<std::string>& methodIds, const SweepOptions& opts);

// `source` yields the shard's images: sample s of [0, count) is the shard's s-th image.
// Throws vp::Error naming opts.out when it holds a different sweep.
SweepRun runSweep(const ViTModel& model, const SweepPlan& plan, const SweepOptions& opts, const BatchSource& source,
                  int64_t count, const SweepProgressFn& progress = {});

}  // namespace vp
