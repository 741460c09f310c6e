#include "train/train_state.h"

#include <torch/optim/optimizer.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include <filesystem>
#include <iomanip>
#include <sstream>

#include "common/atomic_file.h"
#include "common/error.h"

namespace vp {
namespace {
constexpr int64_t kFormat = 1;
constexpr int kLogColumns = 6;
}  // namespace

namespace {
std::vector<at::Tensor> weightList(const ViTModel& model) {
    std::vector<at::Tensor> out;
    for (at::Tensor* t : const_cast<ViTModel&>(model).weights().all()) out.push_back(*t);
    return out;
}
}  // namespace

void saveTrainState(const std::string& path, const ViTModel& model, const torch::optim::Optimizer& optimizer,
                    const TrainState& state) {
    saveTrainState(path, weightList(model), optimizer, state);
}

TrainState loadTrainState(const std::string& path, ViTModel& model, torch::optim::Optimizer& optimizer) {
    return loadTrainState(path, weightList(model), optimizer);
}

void saveTrainState(const std::string& path, const std::vector<at::Tensor>& weights,
                    const torch::optim::Optimizer& optimizer, const TrainState& state) {
    torch::serialize::OutputArchive archive;
    archive.write("format", c10::IValue(kFormat));
    archive.write("epochs_done", c10::IValue(static_cast<int64_t>(state.epochsDone)));
    archive.write("steps_done", c10::IValue(state.stepsDone));
    archive.write("fingerprint", c10::IValue(state.fingerprint));
    at::Tensor log = at::zeros({static_cast<int64_t>(state.log.size()), kLogColumns}, at::kDouble);
    for (size_t i = 0; i < state.log.size(); ++i) {
        const EpochRecord& r = state.log[i];
        const double row[kLogColumns] = {double(r.epoch), r.trainLoss,    r.testTop1,
                                         r.epochSeconds,  r.totalSeconds, r.lr};
        for (int c = 0; c < kLogColumns; ++c) log[i][c] = row[c];
    }
    archive.write("log", log);
    for (size_t i = 0; i < weights.size(); ++i) archive.write("weight." + std::to_string(i), weights[i].detach());
    torch::serialize::OutputArchive opt;
    optimizer.save(opt);
    archive.write("optimizer", opt);
    std::ostringstream bytes;
    archive.save_to(bytes);
    writeFileAtomic(path, bytes.str());
}

TrainState loadTrainState(const std::string& path, const std::vector<at::Tensor>& weights,
                          torch::optim::Optimizer& optimizer) {
    TrainState s;
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path);
        c10::IValue v;
        archive.read("format", v);
        if (v.toInt() != kFormat) throw fileError(path, "unknown training state format " + std::to_string(v.toInt()));
        archive.read("epochs_done", v);
        s.epochsDone = static_cast<int>(v.toInt());
        archive.read("steps_done", v);
        s.stepsDone = v.toInt();
        archive.read("fingerprint", v);
        s.fingerprint = v.toStringRef();
        at::Tensor log;
        archive.read("log", log);
        for (int64_t i = 0; i < log.size(0); ++i) {
            EpochRecord r;
            r.epoch = static_cast<int>(log[i][0].item<double>());
            r.trainLoss = log[i][1].item<double>();
            r.testTop1 = log[i][2].item<double>();
            r.epochSeconds = log[i][3].item<double>();
            r.totalSeconds = log[i][4].item<double>();
            r.lr = log[i][5].item<double>();
            s.log.push_back(r);
        }
        at::NoGradGuard noGrad;
        for (size_t i = 0; i < weights.size(); ++i) {
            at::Tensor t;
            archive.read("weight." + std::to_string(i), t);
            if (t.sizes() != weights[i].sizes())
                throw fileError(path, "weight " + std::to_string(i) + " has another shape than the model");
            weights[i].detach().copy_(t);
        }
        torch::serialize::InputArchive opt;
        archive.read("optimizer", opt);
        optimizer.load(opt);
    } catch (const vp::Error&) {
        throw;
    } catch (const c10::Error& e) {
        throw fileError(path, std::string("cannot read training state: ") + e.what_without_backtrace());
    }
    return s;
}

std::string logCsv(const std::vector<EpochRecord>& log) {
    std::ostringstream s;
    s << "epoch,train_loss,test_top1,epoch_seconds,total_seconds,lr\n";
    for (const EpochRecord& r : log)
        s << r.epoch << ',' << std::fixed << std::setprecision(4) << r.trainLoss << ',' << r.testTop1 << ','
          << std::setprecision(1) << r.epochSeconds << ',' << r.totalSeconds << ',' << std::scientific
          << std::setprecision(3) << r.lr << std::defaultfloat << '\n';
    return s.str();
}

}  // namespace vp
