// InferenceWorker: one request's forward — the method (its main knob solved for a budget when
// asked), the timed forward with its trace, and the dense reference on the same image.
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <c10/util/Exception.h>

#include <algorithm>
#include <chrono>

#include "common/dtype_names.h"
#include "common/error.h"
#include "inference_worker.h"
#include "io/dataset.h"
#include "io/dataset_batches.h"
#include "eval/latency_lock.h"
#include "prune/budget.h"
#include "prune/flops.h"
#include "prune/method_setup.h"
#include "prune/registry.h"

namespace vp {
namespace {

// Timing: dense and the method alternate (dense, method, method, dense, …) after one untimed
// warm-up of each, so a busy moment of a shared CPU hits both; the speed-up is the median of the
// per-pair ratios, with their range. Pairs stop at the budget (at least kMinPairs on a small model)
// or when a newer request arrives.
constexpr int kMaxPairs = 7;
constexpr int kMinPairs = 3;
constexpr double kPairBudgetMs = 150.0;
constexpr double kSmallModelGmacs = 2.0;  // ≤ ~50 ms per forward on any recent CPU
constexpr double kNoisySpread = 1.25;     // a speed-up whose range spans more than ±12% is "noisy"
constexpr int kQuietBeforeTimingMs = 120;

std::vector<float> toVector(const at::Tensor& logits) {
    const at::Tensor l = logits.to(at::kCPU, at::kFloat).contiguous();
    return {l.data_ptr<float>(), l.data_ptr<float>() + l.size(1)};
}

// Every block's widths before any structural pruning: the config's uniform heads and MLP width. A
// pruned model keeps its original num_heads and MLP width in the config; its head dim is taken as
// the largest one left (its embedding width, and with it embed_dim / num_heads, may be pruned too).
std::vector<BlockWidth> unprunedWidths(const ViTConfig& c) {
    int dim = c.numHeads > 0 ? c.embedDim / c.numHeads : 0;
    int hidden = c.mlpHidden;
    for (const BlockWidth& b : c.blockWidths) {
        dim = std::max({dim, b.qkDim, b.vDim});
        hidden = std::max(hidden, b.mlpHidden);
    }
    return std::vector<BlockWidth>(static_cast<size_t>(c.depth), BlockWidth{c.numHeads, dim, dim, hidden, true});
}

// The structure view's data: only for structural methods and pruned models.
void fillStructure(const ViTModel& base, const ViTModel& run, const MethodSpec& spec, StudioResult& result) {
    const ViTConfig &b = base.config(), &p = run.config();
    if (spec.family != "structural" && b.blockWidths.empty() && p.blockWidths.empty()) return;
    result.referenceWidths = unprunedWidths(b);
    for (int i = 0; i < b.depth; ++i) result.baseWidths.push_back(b.blockWidth(i));
    for (int i = 0; i < p.depth; ++i) result.runWidths.push_back(p.blockWidth(i));
    result.prunedBy = p.prunedBy;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n == 0 ? 0.0 : n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace

void InferenceWorker::timeInterleaved(int pane, const ViTModel& model, PruneMethod& method, StudioResult& result) {
    using Clock = std::chrono::steady_clock;
    auto timed = [](auto&& f) {
        const auto t0 = Clock::now();
        f();
        return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    };
    ForwardOptions options{TraceLevel::Counts};
    options.abandon = [this, pane] { return newerPending(pane); };
    // Dense through the same block loop (the "dense" method changes nothing), so that a newer
    // request abandons it between blocks too: a timing pair never holds up the next slider move.
    const MethodPtr denseMethod = builtinRegistry().create("dense");
    auto dense = [&] { m_model.forward(m_input, *denseMethod, options); };
    auto pruned = [&] { model.forward(m_input, method, options); };
    dense();  // warm-ups: the method's shapes differ from the first forward's (which traced)
    pruned();
    const int minPairs = m_info.denseGmacs <= kSmallModelGmacs ? kMinPairs : 1;
    std::vector<double> denseMs, prunedMs, ratios;
    double total = 0;
    for (int i = 0; i < kMaxPairs; ++i) {
        double d = 0, p = 0;
        if (i % 2 == 0) {
            d = timed(dense);
            p = timed(pruned);
        } else {
            p = timed(pruned);
            d = timed(dense);
        }
        denseMs.push_back(d);
        prunedMs.push_back(p);
        ratios.push_back(d / std::max(p, 1e-6));
        total += d + p;
        if (newerPending(pane) || (i + 1 >= minPairs && total > kPairBudgetMs)) break;
    }
    result.timedRuns = static_cast<int>(ratios.size());
    result.ms = median(prunedMs);
    result.denseMs = median(denseMs);
    result.speedup = median(ratios);
    result.speedupLo = *std::min_element(ratios.begin(), ratios.end());
    result.speedupHi = *std::max_element(ratios.begin(), ratios.end());
    result.noisy = ratios.size() < 3 || result.speedupHi > kNoisySpread * result.speedupLo;
}

void InferenceWorker::resolveKnobs(const StudioRequest& r, StudioResult& result) {
    const MethodSpec& spec = builtinRegistry().spec(r.methodId);
    const KnobValues values = knobValuesFrom(r.knobs);
    values.validate(spec);
    result.knobs = r.knobs;
    const Knob* main = spec.mainKnob.empty() ? nullptr : spec.knob(spec.mainKnob);
    if (!main || (main->type != KnobType::Number && main->type != KnobType::Integer)) {
        if (r.budgetGmacs || r.latencyFraction)
            throw Error(r.methodId + " has no main knob to meet a GMACs or latency budget with");
        return;
    }
    // A per-block schedule replaces the main knob: no range to offer (a budget still goes to the
    // solver, whose error names the schedule knob).
    if (values.hasSchedule(spec) && !r.budgetGmacs) return;
    BudgetSolver& solver = m_solvers.solverFor(m_model, r.methodId, values, m_calibration);
    const auto [lo, hi] = solver.range();
    result.budgetMin = lo;
    result.budgetMax = hi;
    if (r.budgetGmacs) {
        const double target = std::clamp(*r.budgetGmacs, lo, hi);
        const KnobValues solved = solver.solve(target);
        result.knobs[spec.mainKnob] = solved.raw().at(spec.mainKnob);
    }
    if (r.latencyFraction) {
        if (!m_latencyLock) m_latencyLock = std::make_unique<LatencyLock>(m_model);
        const LatencyLock::Solved s =
            m_latencyLock->solve(r.methodId, withDefaultMainKnob(spec, values), *r.latencyFraction);
        result.knobs[spec.mainKnob] = s.values.raw().at(spec.mainKnob);
        result.lockTargetMs = s.targetMs;
        result.lockMs = s.ms;
    }
}

void InferenceWorker::fillDense(const StudioRequest& r, StudioResult& result) {
    if (!r.withDense) return;
    if (!m_denseValid) {
        c10::InferenceMode guard;
        m_denseLogits = toVector(m_model.forward(m_input));
        m_denseValid = true;
    }
    result.denseLogits = m_denseLogits;
}

void InferenceWorker::run(const StudioRequest& r) {
    const QString methodName = QString::fromStdString(r.methodId);
    StudioResult result;
    result.generation = r.generation;
    m_runGeneration = r.generation;
    result.pane = r.pane;
    result.methodId = r.methodId;
    ReadyMethod ready;
    try {
        // Methods that calibrate on data (Patch Slimming) read the default calibration source, as
        // the CLI's --calib does; the images are kept per model and device. The budget of a method
        // whose cost varies per image is solved on them too.
        if (!m_calibration)
            m_calibration = datasetCalibration(kDefaultCalibrationSource, m_model.config(), [this](int images) {
                Q_EMIT busy(m_runGeneration, tr("Reading %1 calibration images (Fashion-MNIST train)…").arg(images));
            });
        resolveKnobs(r, result);
        ready = readyMethod(m_model, r.methodId, knobValuesFrom(result.knobs), m_calibration);
        PruneMethod* method = ready.method.get();
        const MethodSpec spec = method->spec();
        if (const Knob* k = spec.scheduleKnob.empty() ? nullptr : spec.knob(spec.scheduleKnob)) {
            result.scheduleKnob = *k;
            result.schedule = method->blockSchedule();
        }
        fillStructure(m_model, ready.model(), spec, result);
    } catch (const Error& e) {
        fail(r, StudioFailure::Stage::Method, methodName, QString::fromStdString(e.what()), e.exitCode());
        return;
    } catch (const std::exception& e) {
        fail(r, StudioFailure::Stage::Method, methodName, QString::fromStdString(e.what()), 1);
        return;
    }
    const ViTModel* model = &ready.model();
    PruneMethod* method = ready.method.get();
    try {
        c10::InferenceMode guard;
        // The first forward is shown at once (a slider drag wants the overlay now), untimed: it
        // traces and may be the first of its shapes. A forward that a newer request of this pane
        // made stale stops between blocks.
        std::vector<at::Tensor> tokens;  // each block's tokens, only for the token map view
        ForwardOptions options{.trace = TraceLevel::Full};
        options.abandon = [this, pane = r.pane] { return newerPending(pane); };
        if (r.withTokenMap) options.layerTokens = &tokens;
        std::vector<BlockAttention> attention;  // each block's attention, only for the attention view
        if (r.withAttention) options.attention = &attention;
        ForwardResult out = model->forward(m_input, *method, options);
        result.logits = toVector(out.logits);
        result.threads = at::get_num_threads();
        result.device = QString::fromStdString(model->device().str());
        if (model->dtype() != at::kFloat)  // the device picker's name for it, "cpu/bfloat16"
            result.device += QStringLiteral("/") + QString::fromStdString(dtypeName(model->dtype()));
        result.gmacs = toG(traceMacs(*model, out.trace));
        result.denseGmacs = m_info.denseGmacs;
        result.linearDensity = meanLinearDensity(*model);
        result.trace = std::move(out.trace);
        fillDense(r, result);
        if (r.withTokenMap) fillTokenMap(tokens, result);
        tokens.clear();
        if (r.withAttention) fillAttention(*method, attention, result);
        attention.clear();
        Q_EMIT resultReady(result);
        // While the user drags, the next request is a few ms away: timing now would delay it.
        // Time once the requests pause; the shown time says "timing…" until then.
        if (!newerArrivesWithin(r.pane, kQuietBeforeTimingMs)) {
            timeInterleaved(r.pane, *model, *method, result);
            Q_EMIT resultReady(result);
        }
        Q_EMIT finished(r.generation);
    } catch (const Abandoned&) {
        Q_EMIT finished(r.generation);  // superseded: the newer request runs next
    } catch (const Error& e) {
        fail(r, StudioFailure::Stage::Run, methodName, QString::fromStdString(e.what()), e.exitCode());
    } catch (const c10::Error& e) {
        fail(r, StudioFailure::Stage::Run, methodName,
             "internal error: " + QString::fromStdString(e.what_without_backtrace()), 1);
    } catch (const std::exception& e) {
        fail(r, StudioFailure::Stage::Run, methodName, "internal error: " + QString::fromStdString(e.what()), 1);
    }
}

}  // namespace vp
