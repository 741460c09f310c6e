// vitprune bench: dense vs pruned forward time, interleaved (dense, pruned, dense, ...), so that
// the machine's drift hits both alike; reports the median of per-pair ratios with its spread.
// One setting (--method/--set/--budget), or the efficiency table over methods x budgets x batches
// (--batches and/or --methods; eval/efficiency.h).
#include <ATen/Parallel.h>

#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>

#include "cli_common.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "common/json_text.h"
#include "common/parse_number.h"
#include "common/provenance.h"
#include "eval/efficiency.h"
#include "eval/time_breakdown.h"
#include "progress_bar.h"

namespace vp::cli {
namespace {

std::vector<double> numberList(const Args& args, const std::string& flag) {
    const std::string text = args.value(flag);
    std::vector<double> out;
    for (const std::string& item : splitList(text)) {
        const std::optional<double> v = parseFiniteNumber(item);
        if (!v) throw Error(flag + ": '" + item + "' is not a number");
        out.push_back(*v);
    }
    if (out.empty()) throw Error(flag + " needs a comma-separated list of numbers, got '" + text + "'");
    return out;
}

int benchTable(const Args& args, const ViTModel& model) {
    EfficiencyPlan plan;
    if (args.has("--methods")) plan.methods = splitList(args.value("--methods"));
    if (args.has("--batches")) {
        plan.batches.clear();
        for (double b : numberList(args, "--batches")) {
            if (b != std::floor(b) || b < 1 || b > 4096)
                throw Error("--batches: " + std::to_string(b) + " is not a batch size in 1..4096");
            plan.batches.push_back(static_cast<int>(b));
        }
    }
    if (args.has("--budgets")) plan.budgets = numberList(args, "--budgets");
    plan.pairsBatch1 = args.intValue("--iters", plan.pairsBatch1, 1, 100000);
    plan.pairsLarge = args.intValue("--iters-large", plan.pairsLarge, 1, 100000);
    plan.warmup = args.intValue("--warmup", plan.warmup, 0, 1000);
    const bool json = args.has("--json");
    if (args.has("--out")) checkCanWrite(args.value("--out"));
    if (args.has("--markdown")) checkCanWrite(args.value("--markdown"));
    std::unique_ptr<ProgressBar> bar;
    const std::vector<EfficiencyRow> rows =
        efficiencyTable(model, plan, [&](int done, int total, const EfficiencyRow& r) {
            if (!bar) bar = std::make_unique<ProgressBar>("bench", total, true);
            bar->update(done, r.method + " " + r.setting + " batch " + std::to_string(r.batch));
            return true;
        });
    if (bar) bar->finish();
    // The table's JSON with the run's provenance (efficiencyFromJson ignores the extra key).
    nlohmann::json table = nlohmann::json::parse(efficiencyJson(rows, -1));
    table["provenance"] = provenanceJson(model.device().str());
    if (args.has("--out")) writeFileAtomic(args.value("--out"), jsonText(table, 1) + "\n");
    if (args.has("--markdown")) writeFileAtomic(args.value("--markdown"), efficiencyMarkdown(rows));
    if (json)
        std::cout << jsonText(table) << "\n";
    else
        std::cout << efficiencyMarkdown(rows);
    return 0;
}

// --breakdown: where the time of one setting goes, per block and stage, dense vs pruned.
int benchBreakdown(const Args& args) {
    ViTModel model = openModel(args);
    KnobValues settings;
    MethodPtr method = openMethod(args, model, &settings);
    const std::string id = method->spec().id;
    method.reset();
    const ViTModel dense = openModel(args);
    const TimeBreakdown b = measureTimeBreakdown(dense, id, settings, args.intValue("--batch", 1, 1, 4096),
                                                 args.intValue("--iters", 9, 1, 100000));
    if (args.has("--json")) {
        nlohmann::json j = nlohmann::json::parse(timeBreakdownJson(b, -1));
        j["provenance"] = provenanceJson(dense.device().str());
        std::cout << jsonText(j) << "\n";
    } else
        std::cout << timeBreakdownText(b);
    return 0;
}

}  // namespace

int cmdBench(const Args& args) {
    args.allowOnly({"--json", "--method", "--calib", "--set", "--budget", "--device", "--dtype", "--parts", "--batch",
                    "--iters", "--warmup", "--threads", "--batches", "--methods", "--budgets", "--iters-large", "--out",
                    "--markdown", "--breakdown"});
    if (args.has("--threads")) at::set_num_threads(args.intValue("--threads", 2, 1, 1024));
    const bool table = args.has("--batches") || args.has("--methods");
    if (table && (args.has("--method") || args.has("--set") || args.has("--budget") || args.has("--batch")))
        throw Error(
            "bench: --batches/--methods measure a table; --method/--set/--budget/--batch measure one setting. "
            "Use one form or the other");
    if (!table && (args.has("--budgets") || args.has("--iters-large") || args.has("--out") || args.has("--markdown")))
        throw Error(
            "bench: --budgets, --iters-large, --out and --markdown belong to the table form (--batches/--methods)");
    if (table) return benchTable(args, openModel(args));
    if (args.has("--breakdown")) return benchBreakdown(args);

    ViTModel model = openModel(args);
    KnobValues settings;
    MethodPtr method = openMethod(args, model, &settings);
    const std::string id = method->spec().id;
    method.reset();
    const ViTModel dense = openModel(args);  // openMethod may have replaced `model` by a smaller copy
    const EfficiencyRow r =
        measureEfficiency(dense, id, settings, args.intValue("--batch", 1, 1, 4096),
                          {args.intValue("--iters", 20, 1, 100000), args.intValue("--warmup", 3, 0, 1000)});
    const nlohmann::json j{{"method", r.method},
                           {"settings", settingsToJson(settings)},
                           {"batch", r.batch},
                           {"threads", r.threads},
                           {"device", r.device},
                           {"iters", r.pairs},
                           {"dense_ms", r.denseMs},
                           {"ms", r.ms},
                           {"speedup", r.speedup},
                           {"speedup_p10", r.speedupP10},
                           {"speedup_p90", r.speedupP90},
                           {"gmacs_dense", r.gmacsDense},
                           {"gmacs", r.gmacs},
                           {"gmacs_speedup", r.gmacsSpeedup()},
                           {"efficiency", r.efficiency()},
                           {"ms_per_image", r.ms / r.batch},
                           {"provenance", provenanceJson(dense.device().str())}};
    if (args.has("--json")) {
        printJson(j);
        return 0;
    }
    std::cout << std::fixed << std::setprecision(2) << r.method << " batch " << r.batch << " on " << r.device << " ("
              << r.threads << " threads, " << r.pairs << " pairs)\n"
              << "  dense   " << r.denseMs << " ms  " << std::setprecision(3) << r.gmacsDense << " GMACs\n"
              << "  pruned  " << std::setprecision(2) << r.ms << " ms  " << std::setprecision(3) << r.gmacs
              << " GMACs\n"
              << "  speed-up " << r.speedup << " (p10 " << r.speedupP10 << ", p90 " << r.speedupP90
              << "), GMACs speed-up " << r.gmacsSpeedup() << ", efficiency " << r.efficiency() << "\n";
    return 0;
}

}  // namespace vp::cli
