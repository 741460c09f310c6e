#include "eval/evaluator.h"

#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <chrono>

#include "prune/flops.h"

namespace vp {

EvalResult evaluate(const ViTModel& model, PruneMethod& method, const BatchSource& source, int64_t count,
                    int64_t batchSize, const Progress& progress) {
    c10::InferenceMode guard;
    EvalResult r;
    const auto t0 = std::chrono::steady_clock::now();
    double macsSum = 0;
    for (int64_t start = 0; start < count; start += batchSize) {
        const int64_t n = std::min(batchSize, count - start);
        LabelledBatch b = source(start, n);
        at::Tensor images = b.images.to(model.device(), model.dtype());
        ForwardResult out = model.forward(images, method);
        at::Tensor pred = out.logits.argmax(1).cpu();
        r.correct += pred.eq(b.labels.cpu()).sum().item<int64_t>();
        r.images += n;
        macsSum += traceMacs(model, out.trace) * n;
        if (progress && !progress(r.images, count)) {
            r.cancelled = true;
            break;
        }
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.accuracy = r.images ? static_cast<double>(r.correct) / r.images : 0;
    r.gmacs = r.images ? toG(macsSum / r.images) : 0;
    return r;
}

}  // namespace vp
