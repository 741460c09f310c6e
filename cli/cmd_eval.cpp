// vitprune eval MODEL DATA: top-1 accuracy and mean GMACs over a dataset, with a progress bar.
// --per-image (or --per-image-csv FILE) also records every image's GMACs and kept tokens and
// prints their distribution: dynamic methods (LTP) cost a different amount per image.
#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli_common.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "common/provenance.h"
#include "eval/confidence.h"
#include "eval/evaluator.h"
#include "eval/per_image_cost.h"
#include "io/dataset.h"
#include "io/dataset_batches.h"
#include "io/dataset_guard.h"
#include "prune/flops.h"
#include "progress_bar.h"

namespace vp::cli {
namespace {

nlohmann::json statsToJson(const DistributionStats& s) {
    return {{"count", s.count}, {"mean", s.mean}, {"std", s.std},       {"min", s.min}, {"max", s.max}, {"p5", s.p5},
            {"p10", s.p10},     {"p25", s.p25},   {"median", s.median}, {"p75", s.p75}, {"p90", s.p90}, {"p95", s.p95}};
}

nlohmann::json histogramToJson(const Histogram& h) {
    nlohmann::json edges = nlohmann::json::array();
    for (int i = 0; i < h.bins(); ++i) edges.push_back(h.binLow(i));
    if (h.bins() > 0) edges.push_back(h.hi);
    return {{"lo", h.lo}, {"hi", h.hi}, {"bin_width", h.width}, {"edges", edges}, {"counts", h.counts}};
}

// [lo, hi] of the 95% Wilson interval of correct/images.
nlohmann::json ci95(int64_t correct, int64_t images) {
    const ConfidenceInterval ci = wilsonInterval(correct, images);
    return {ci.lo, ci.hi};
}

std::string fmt(double v, int precision) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(precision) << v;
    return s.str();
}

// "95% CI 89.63–90.80%".
std::string ci95Text(int64_t correct, int64_t images) {
    const ConfidenceInterval ci = wilsonInterval(correct, images);
    return "95% CI " + fmt(100 * ci.lo, 2) + "–" + fmt(100 * ci.hi, 2) + "%";
}

void printStats(const char* name, const DistributionStats& s, int precision) {
    std::cout << "  " << std::left << std::setw(24) << name << std::right << "mean " << fmt(s.mean, precision) << " ± "
              << fmt(s.std, precision) << "  min " << fmt(s.min, precision) << "  p5 " << fmt(s.p5, precision)
              << "  median " << fmt(s.median, precision) << "  p95 " << fmt(s.p95, precision) << "  max "
              << fmt(s.max, precision) << "\n";
}

// One line per bin: its GMACs range, a bar scaled to the fullest bin, the count.
void printHistogram(const Histogram& h, double denseGmacs) {
    constexpr int kWidth = 40;
    int64_t most = 1;
    for (int64_t c : h.counts) most = std::max(most, c);
    const int64_t total = std::max<int64_t>(1, h.total());
    std::cout << "GMACs per image (" << h.bins() << (h.bins() == 1 ? " bin" : " bins") << ", dense "
              << fmt(denseGmacs, 4) << "):\n";
    for (int i = 0; i < h.bins(); ++i) {
        const int64_t c = h.counts[static_cast<size_t>(i)];
        const int len = static_cast<int>((c * kWidth + most - 1) / most);  // a non-empty bin shows at least one #
        std::cout << "  " << fmt(h.binLow(i), 4) << "–" << fmt(h.binHigh(i), 4) << " |" << std::string(len, '#')
                  << std::string(kWidth - len, ' ') << "| " << std::setw(6) << c << "  (" << fmt(100.0 * c / total, 1)
                  << "%)\n";
    }
}

}  // namespace

int cmdEval(const Args& args) {
    args.allowOnly({"--json", "--method", "--calib", "--set", "--budget", "--device", "--dtype", "--parts", "--limit",
                    "--batch", "--per-image", "--per-image-csv", "--histogram-bins"});
    const std::string csvPath = args.value("--per-image-csv");
    const bool perImage = args.has("--per-image") || !csvPath.empty();
    const int bins = args.intValue("--histogram-bins", 20, 1, 1000);
    if (args.has("--histogram-bins") && !perImage) throw Error("--histogram-bins needs --per-image");
    if (!csvPath.empty()) checkCanWrite(csvPath);
    ViTModel model = openModel(args);
    const double denseGmacs = toG(denseMacs(model));  // before a structural method shrinks `model`
    const std::string dataSpec = args.positional(1, "DATA");
    std::unique_ptr<Dataset> data = openDataset(dataSpec);
    checkDatasetFitsModel(model.config(), *data, dataSpec, args.positional(0, "MODEL"));
    KnobValues settings;
    MethodPtr method = openMethod(args, model, &settings);
    refuseVideoMethod(method->spec());
    const int64_t limit = args.intValue("--limit", static_cast<int>(data->size()), 1, 1 << 30);
    const int64_t count = std::min<int64_t>(limit, data->size());
    const int64_t batch = args.intValue("--batch", 64, 1, 4096);
    const BatchSource source = datasetSource(*data, count, model.config());
    ProgressBar bar("eval " + method->spec().id, count, !args.has("--json"));
    const Progress progress = [&](int64_t done, int64_t) {
        bar.update(done);
        return true;
    };

    if (!perImage) {
        EvalResult r = evaluate(model, *method, source, count, batch, progress);
        bar.finish();
        if (args.has("--json")) {
            printJson({{"accuracy", r.accuracy},
                       {"top1_ci95", ci95(r.correct, r.images)},
                       {"images", r.images},
                       {"correct", r.correct},
                       {"gmacs", r.gmacs},
                       {"seconds", r.seconds},
                       {"method", method->spec().id},
                       {"settings", settingsToJson(settings)},
                       {"dataset", data->name()},
                       {"provenance", provenanceJson(model.device().str())}});
            return 0;
        }
        std::cout << std::fixed << std::setprecision(2) << "top-1 " << 100 * r.accuracy << "% ("
                  << ci95Text(r.correct, r.images) << ") on " << r.images << " images of " << data->name() << ", "
                  << std::setprecision(3) << r.gmacs << " GMACs/image, " << std::setprecision(1) << r.seconds << " s\n";
        return 0;
    }

    PerImageCosts costs = evaluatePerImage(model, *method, source, count, batch, progress);
    bar.finish();
    costs.method = method->spec().id;
    costs.settings = settingsText(settings);
    costs.dataset = data->name();
    costs.denseGmacs = denseGmacs;
    if (!csvPath.empty()) writeFileAtomic(csvPath, perImageCsv(costs));
    const DistributionStats gmacs = summarize(costs.gmacs());
    const DistributionStats meanTok = summarize(costs.meanTokens());
    const DistributionStats finalTok = summarize(costs.finalTokens());
    const Histogram hist = makeHistogram(costs.gmacs(), bins);
    const int64_t images = static_cast<int64_t>(costs.images.size());

    if (args.has("--json")) {
        nlohmann::json list = nlohmann::json::array();
        for (const ImageCost& c : costs.images)
            list.push_back({{"index", c.index},
                            {"gmacs", c.gmacs},
                            {"mean_tokens", c.meanTokens},
                            {"final_tokens", c.finalTokens},
                            {"label", c.label},
                            {"predicted", c.predicted},
                            {"correct", c.correct()}});
        nlohmann::json j{{"accuracy", costs.accuracy()},
                         {"top1_ci95", ci95(costs.correct(), images)},
                         {"images", images},
                         {"correct", costs.correct()},
                         {"gmacs", gmacs.mean},
                         {"seconds", costs.seconds},
                         {"method", costs.method},
                         {"settings", settingsToJson(settings)},
                         {"dataset", costs.dataset},
                         {"provenance", provenanceJson(model.device().str())}};
        j["per_image"] = {{"dense_gmacs", denseGmacs},
                          {"uniform", costs.uniform()},
                          {"gmacs", statsToJson(gmacs)},
                          {"mean_tokens", statsToJson(meanTok)},
                          {"final_tokens", statsToJson(finalTok)},
                          {"histogram", histogramToJson(hist)},
                          {"images", list}};
        if (!csvPath.empty()) j["per_image_csv"] = csvPath;
        printJson(j);
        return 0;
    }
    std::cout << "top-1 " << fmt(100 * costs.accuracy(), 2) << "% (" << ci95Text(costs.correct(), images) << ") on "
              << images << " images of " << costs.dataset << ", " << fmt(gmacs.mean, 4) << " GMACs/image ("
              << fmt(denseGmacs > 0 ? 100 * gmacs.mean / denseGmacs : 0, 1) << "% of dense " << fmt(denseGmacs, 4)
              << "), " << fmt(costs.seconds, 1) << " s\n";
    std::cout << "per image, " << costs.method << (costs.settings.empty() ? "" : " " + costs.settings) << ":\n";
    printStats("GMACs", gmacs, 4);
    printStats("tokens per block (mean)", meanTok, 1);
    printStats("tokens after last block", finalTok, 1);
    if (costs.uniform())
        std::cout << "every image costs the same: " << costs.method << " keeps a fixed number of tokens\n";
    printHistogram(hist, denseGmacs);
    if (!csvPath.empty()) std::cout << "wrote " << csvPath << "\n";
    return 0;
}

}  // namespace vp::cli
