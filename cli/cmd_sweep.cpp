// vitprune sweep MODEL DATA --methods ID,... --out FILE: accuracy / GMACs / ms Pareto points,
// resumable and shardable (Slurm arrays, mpirun); vitprune merge PART... --out FILE adds shards up.
#include <ATen/Parallel.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli_common.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "common/provenance.h"
#include "eval/shard.h"
#include "eval/sweep.h"
#include "io/dataset.h"
#include "io/dataset_batches.h"
#include "io/dataset_guard.h"
#include "progress_bar.h"
#include "prune/registry.h"

namespace vp::cli {
namespace {

std::atomic<int> g_stopSignal{0};

void onStopSignal(int sig) {
    g_stopSignal.store(sig);
    std::signal(sig, SIG_DFL);  // a second Ctrl-C ends the process at once
}

// Installs SIGINT/SIGTERM handlers for its lifetime: the sweep stops after writing what is done.
class StopSignals {
public:
    StopSignals() {
        g_stopSignal.store(0);
        m_int = std::signal(SIGINT, onStopSignal);
        m_term = std::signal(SIGTERM, onStopSignal);
    }
    ~StopSignals() {
        std::signal(SIGINT, m_int);
        std::signal(SIGTERM, m_term);
    }
    int received() const { return g_stopSignal.load(); }

private:
    void (*m_int)(int);
    void (*m_term)(int);
};

// VITPRUNE_SWEEP_STOP_AFTER=K: stop as if interrupted once K points were measured (tests).
int stopAfterFromEnv() {
    const char* v = std::getenv("VITPRUNE_SWEEP_STOP_AFTER");
    if (!v || !*v) return 0;
    try {
        return std::max(0, std::stoi(v));
    } catch (const std::exception&) {
        throw Error("VITPRUNE_SWEEP_STOP_AFTER: '" + std::string(v) + "' is not an integer");
    }
}

// merge must never write over one of its own inputs (the JSON or the CSV beside it).
void refuseOverwritingInputs(const std::vector<std::string>& inputs, const std::string& out) {
    namespace fs = std::filesystem;
    auto same = [](const std::string& a, const std::string& b) {
        std::error_code ec;
        return fs::equivalent(a, b, ec) && !ec;
    };
    for (const std::string& in : inputs)
        for (const std::string& mine : {out, sweepCsvPath(out)})
            for (const std::string& theirs : {in, sweepCsvPath(in)})
                if (same(mine, theirs))
                    throw Error("merge: --out " + out + " would overwrite " + theirs +
                                ", one of the shards being merged; choose another --out");
}

// The device the shards were measured on (their provenance), for the merged file's; "cpu" when
// the part has none.
std::string mergedDevice(const SweepResult& part) {
    if (part.provenance.empty()) return "cpu";
    const nlohmann::json p = nlohmann::json::parse(part.provenance, nullptr, false);
    const auto device = p.is_object() ? p.find("device") : p.end();
    return device != p.end() && device->is_string() ? device->get<std::string>() : "cpu";
}

}  // namespace

int cmdSweep(const Args& args) {
    args.allowOnly({"--json", "--calib", "--methods", "--points", "--limit", "--batch", "--shard", "--out", "--threads",
                    "--device", "--dtype", "--parts"});
    if (args.has("--threads")) at::set_num_threads(args.intValue("--threads", 2, 1, 1024));
    const std::string out = args.value("--out");
    if (out.empty()) throw Error("missing --out FILE (the sweep's JSON; the CSV goes beside it)");
    if (!args.has("--methods")) throw Error("missing --methods ID[,ID...] (see vitprune methods)");
    const std::vector<std::string> methods = splitList(args.value("--methods"));
    for (const std::string& id : methods)
        if (builtinRegistry().contains(id)) refuseVideoMethod(builtinRegistry().spec(id));
    const int points = args.intValue("--points", 8, 1, 1000);
    const int64_t batch = args.intValue("--batch", 64, 1, 4096);
    const Shard shard = parseShard(args.value("--shard", ""));
    const bool json = args.has("--json");
    checkCanWrite(out);
    checkCanWrite(sweepCsvPath(out));

    const ViTModel model = openModel(args);
    const std::string dataSpec = args.positional(1, "DATA");
    std::unique_ptr<Dataset> data = openDataset(dataSpec);
    checkDatasetFitsModel(model.config(), *data, dataSpec, args.positional(0, "MODEL"));
    const int64_t limit = args.intValue("--limit", static_cast<int>(data->size()), 1, 1 << 30);
    const int64_t count = std::min<int64_t>(limit, data->size());
    const std::vector<int64_t> indices = shardIndices(count, shard);
    if (indices.empty())
        throw Error("--shard " + shard.text() + ": no images (the sweep covers " + std::to_string(count) + ")");

    // Methods that decide from images calibrate on --calib (default: the train split), never on
    // the images the sweep scores.
    const CalibrationProvider calibration =
        datasetCalibration(args.value("--calib", kDefaultCalibrationSource), model.config());
    SweepOptions opts;
    opts.model = args.positional(0, "MODEL");
    opts.dataset = dataSpec;
    opts.limit = count;
    opts.shard = shard;
    opts.pointsPerMethod = points;
    opts.batch = batch;
    opts.out = out;
    opts.calibration = calibration;
    checkSweepOut(methods, opts);  // a file this run cannot resume is refused before minutes of solving
    if (!json) std::cerr << "sweep: solving " << points << " settings per method for equal GMACs steps...\n";
    const SweepPlan plan = planSweep(model, methods, points, 0.005, calibration);

    const BatchSource source = datasetSource(*data, indices, model.config());

    const int stopAfter = stopAfterFromEnv();
    StopSignals signals;
    std::optional<ProgressBar> bar;
    SweepRun run =
        runSweep(model, plan, opts, source, static_cast<int64_t>(indices.size()), [&](const SweepProgress& p) {
            if (!bar) bar.emplace("sweep " + shard.text(), p.imagesTotal, !json);
            bar->update(p.imagesDone, "point " + std::to_string(std::min(p.pointsDone + 1, p.pointsTotal)) + "/" +
                                          std::to_string(p.pointsTotal) + " " + p.current);
            if (signals.received()) return false;
            return !(stopAfter > 0 && p.evaluatedThisRun >= stopAfter);
        });
    if (bar) bar->finish();

    const SweepResult& r = run.result;
    const int sig = signals.received();
    if (json) {
        printJson({{"out", out},
                   {"csv", sweepCsvPath(out)},
                   {"shard", shard.text()},
                   {"images", indices.size()},
                   {"planned_points", r.plannedPoints},
                   {"finished_points", r.finishedPoints()},
                   {"evaluated", run.evaluated},
                   {"resumed", run.resumed},
                   {"complete", r.complete()},
                   {"interrupted", run.cancelled}});
    } else {
        std::cout << out << ": " << r.finishedPoints() << " of " << r.plannedPoints << " points (" << run.evaluated
                  << " measured now, " << run.resumed << " resumed) on " << indices.size() << " images, shard "
                  << shard.text() << "\n";
        for (const SweepMethod& m : r.methods)
            for (const SweepPoint& p : m.points) {
                std::string s;
                for (const auto& [k, v] : p.settings) s += " " + k + "=" + v;
                std::cout << "  " << std::left << std::setw(28) << (m.id + s) << std::right << std::fixed
                          << std::setprecision(3) << std::setw(8) << p.gmacs << " GMACs  " << std::setprecision(2)
                          << std::setw(6) << 100 * p.accuracy << "%  " << std::setprecision(3) << p.msPerImage
                          << " ms/image\n";
            }
    }
    if (run.cancelled) {
        std::cerr << "sweep interrupted: " << r.finishedPoints() << " of " << r.plannedPoints << " points are in "
                  << out << "; run the same command again to resume\n";
        return sig ? 128 + sig : 130;
    }
    return 0;
}

int cmdMerge(const Args& args) {
    args.allowOnly({"--json", "--out"});
    const std::string out = args.value("--out");
    if (out.empty()) throw Error("missing --out FILE");
    const std::vector<std::string>& paths = args.positionals();
    if (paths.empty()) throw Error("missing argument PART (the shards' sweep files)");
    refuseOverwritingInputs(paths, out);
    checkCanWrite(out);
    std::vector<SweepResult> parts;
    for (const std::string& p : paths) parts.push_back(loadSweep(p));
    SweepResult merged = mergeSweeps(paths, parts);
    merged.provenance = provenanceText(mergedDevice(parts[0]));
    saveSweep(merged, out);
    if (args.has("--json")) {
        printJson({{"out", out},
                   {"csv", sweepCsvPath(out)},
                   {"shards", merged.mergedShards},
                   {"points", merged.finishedPoints()},
                   {"images", merged.limit}});
        return 0;
    }
    std::cout << "merged " << merged.mergedShards << " shards into " << out << " (" << merged.finishedPoints()
              << " points, " << merged.limit << " images each)\n";
    return 0;
}

}  // namespace vp::cli
