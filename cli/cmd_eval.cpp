// vitprune eval MODEL DATA: top-1 accuracy and mean GMACs over a dataset, with a progress bar.
#include <iomanip>
#include <iostream>

#include "cli_common.h"
#include "eval/evaluator.h"
#include "io/dataset.h"
#include "io/dataset_batches.h"
#include "progress_bar.h"

namespace vp::cli {

int cmdEval(const Args& args) {
    args.allowOnly({"--json", "--method", "--calib", "--set", "--budget", "--device", "--dtype", "--limit", "--batch"});
    ViTModel model = openModel(args);
    KnobValues settings;
    MethodPtr method = openMethod(args, model, &settings);
    std::unique_ptr<Dataset> data = openDataset(args.positional(1, "DATA"));
    const int64_t limit = args.intValue("--limit", static_cast<int>(data->size()), 1, 1 << 30);
    const int64_t count = std::min<int64_t>(limit, data->size());
    const int64_t batch = args.intValue("--batch", 64, 1, 4096);
    const BatchSource source = datasetSource(*data, count, model.config());
    ProgressBar bar("eval " + method->spec().id, count, !args.has("--json"));
    EvalResult r = evaluate(model, *method, source, count, batch, [&](int64_t done, int64_t) {
        bar.update(done);
        return true;
    });
    bar.finish();
    if (args.has("--json")) {
        printJson({{"accuracy", r.accuracy}, {"images", r.images}, {"correct", r.correct}, {"gmacs", r.gmacs},
                   {"seconds", r.seconds}, {"method", method->spec().id}, {"settings", settingsToJson(settings)},
                   {"dataset", data->name()}});
        return 0;
    }
    std::cout << std::fixed << std::setprecision(2) << "top-1 " << 100 * r.accuracy << "% on " << r.images
              << " images of " << data->name() << ", " << std::setprecision(3) << r.gmacs << " GMACs/image, "
              << std::setprecision(1) << r.seconds << " s\n";
    return 0;
}

}  // namespace vp::cli
