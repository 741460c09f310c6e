#include "model/model_loader.h"

#include "model/method_parts.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/error.h"
#include "common/atomic_file.h"
#include "model/key_map.h"
#include "model/pth_reader.h"
#include "model/safetensors_io.h"

namespace fs = std::filesystem;

namespace vp {
namespace {

// What is at `p`, without throwing std::filesystem errors: a missing path is "not found", a
// symlink loop or a permission problem is a vp::Error naming the path.
fs::file_status statusOf(const fs::path& p) {
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
        throw fileError(p.string(), "cannot access: " + ec.message());
    return st;
}
bool existsAt(const fs::path& p) { return fs::exists(statusOf(p)); }
// For lookups where an unreadable entry just does not count (resources, the HF cache).
bool isDirQuiet(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}
bool existsQuiet(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p, ec);
}

std::string readText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw fileError(p.string(), "cannot be read");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

TensorMap readWeights(const fs::path& file) {
    const std::string ext = file.extension().string();
    if (ext == ".safetensors") return readSafetensors(file.string()).tensors;
    if (ext == ".pth" || ext == ".pt" || ext == ".bin" || ext == ".tar") return readPth(file.string());
    throw fileError(file.string(), "unknown checkpoint type '" + ext + "' (expected .safetensors, .pth, .pt or .bin)");
}

fs::path findWeightsIn(const fs::path& folder) {
    for (const char* name : {"model.safetensors", "pytorch_model.bin", "model.pth", "checkpoint.pth"})
        if (existsAt(folder / name)) return folder / name;
    std::error_code ec;
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& e = *it;
        const std::string ext = e.path().extension().string();
        if (ext == ".safetensors" || ext == ".pth") return e.path();
    }
    if (ec) throw fileError(folder.string(), "cannot list the folder: " + ec.message());
    throw fileError(folder.string(), "folder holds no model.safetensors, pytorch_model.bin or .pth file");
}

ViTModel assemble(TensorMap tensors, const std::string& origin, const std::string* configText,
                  const std::string& configOrigin) {
    const CheckpointFamily family = detectFamily(tensors);
    TensorMap timm = toTimmKeys(std::move(tensors), family, origin);
    ViTConfig config = inferConfig(timm, origin);
    if (!configText && family == CheckpointFamily::HuggingFace) {
        // transformers' ViT defaults: LayerNorm eps 1e-12, ViTImageProcessor (resize, no crop, 0.5/0.5).
        config.lnEps = 1e-12;
        config.mean = std::vector<double>(config.inChans, 0.5);
        config.std = std::vector<double>(config.inChans, 0.5);
        config.cropPct = 1.0;
        config.interpolation = "bilinear";
    }
    if (configText) {
        ViTConfig declared = ViTConfig::fromJsonText(*configText, configOrigin);
        config = declared;
    }
    ViTWeights weights = takeWeights(timm, config, origin);
    ViTModel model(config, std::move(weights));
    model.setOrigin(origin);
    model.setFamily(familyName(family) + (config.distilled ? " (distilled)" : ""));
    model.extras() = std::move(timm);
    model.validate();
    return model;
}

ViTModel loadFile(const fs::path& file) {
    TensorMap tensors = readWeights(file);
    // "<stem>.config.json" beside the file, else "config.json" in the same folder.
    fs::path cfg = file.parent_path() / (file.stem().string() + ".config.json");
    if (!existsAt(cfg)) cfg = file.parent_path() / "config.json";
    if (existsAt(cfg)) {
        const std::string text = readText(cfg);
        return assemble(std::move(tensors), file.string(), &text, cfg.string());
    }
    return assemble(std::move(tensors), file.string(), nullptr, "");
}

}  // namespace

std::string resourcesDir() {
    if (const char* env = std::getenv("VITPRUNE_RESOURCES"); env && isDirQuiet(env)) return env;
    for (const char* dir : {VITPRUNE_SOURCE_RESOURCES, VITPRUNE_INSTALL_RESOURCES})
        if (isDirQuiet(dir)) return dir;
    return "";
}

std::vector<std::string> builtinModelNames() {
    std::vector<std::string> names;
    const std::string res = resourcesDir();
    if (res.empty() || !isDirQuiet(fs::path(res) / "models")) return names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::path(res) / "models", ec))
        if (existsQuiet(e.path() / "config.json")) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string builtinModelFolder(const std::string& name) {
    const std::string res = resourcesDir();
    if (res.empty() || name.find('/') != std::string::npos) return "";
    const fs::path folder = fs::path(res) / "models" / name;
    return existsQuiet(folder / "config.json") ? folder.string() : "";
}

ViTModel loadModel(const std::string& spec) {
    if (spec.rfind("random:", 0) == 0) {
        ViTConfig config;
        const std::string arch = spec.substr(7);
        if (!ViTConfig::fromArchitecture(arch, config)) {
            std::string known;
            for (const auto& n : ViTConfig::knownArchitectures()) known += (known.empty() ? "" : ", ") + n;
            throw Error("model '" + spec + "': unknown architecture '" + arch + "' (known: " + known + ")");
        }
        ViTModel m = randomModel(config, 0);
        m.setOrigin(spec);
        return m;
    }
    fs::path path(spec);
    if (!existsAt(path)) {
        const std::string builtin = builtinModelFolder(spec);
        if (builtin.empty())
            throw fileError(
                spec, "no such file, folder or built-in model (built-in: " + [] {
                    std::string s;
                    for (auto& n : builtinModelNames()) s += (s.empty() ? "" : ", ") + n;
                    return s.empty() ? std::string("none installed") : s;
                }() + ")");
        path = builtin;
    }
    if (fs::is_directory(statusOf(path))) {
        const fs::path weights = findWeightsIn(path);
        const fs::path cfg = path / "config.json";
        if (!existsAt(cfg)) return loadFile(weights);
        const std::string text = readText(cfg);
        ViTModel m = assemble(readWeights(weights), weights.string(), &text, cfg.string());
        m.setOrigin(spec);
        loadBundledParts(m, path.string());  // trained method parts shipped beside the weights
        return m;
    }
    return loadFile(path);
}

ViTModel randomModel(const ViTConfig& c, uint64_t seed) {
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    auto normal = [&](at::IntArrayRef shape) { return at::empty(shape, at::kFloat).normal_(0.0, 0.02, gen); };
    auto zeros = [](at::IntArrayRef shape) { return at::zeros(shape, at::kFloat); };
    auto ones = [](at::IntArrayRef shape) { return at::ones(shape, at::kFloat); };
    const int64_t C = c.embedDim, H = c.mlpHidden, P = c.numPatches(), pre = c.numPrefixTokens();
    ViTWeights w;
    w.patchW = normal({C, c.inChans, c.patchSize, c.patchSize});
    w.patchB = zeros({C});
    w.clsToken = normal({1, 1, C});
    if (c.distilled) w.distToken = normal({1, 1, C});
    w.posEmbed = normal({1, pre + P, C});
    for (int i = 0; i < c.depth; ++i) {
        BlockWeights b;
        b.heads = c.numHeads;
        b.headDim = c.headDim();
        b.norm1W = ones({C});
        b.norm1B = zeros({C});
        b.qkvW = normal({3 * C, C});
        if (c.qkvBias) b.qkvB = zeros({3 * C});
        b.projW = normal({C, C});
        b.projB = zeros({C});
        b.norm2W = ones({C});
        b.norm2B = zeros({C});
        b.fc1W = normal({H, C});
        b.fc1B = zeros({H});
        b.fc2W = normal({C, H});
        b.fc2B = zeros({C});
        w.blocks.push_back(std::move(b));
    }
    if (c.pool == "avg") {
        w.fcNormW = ones({C});
        w.fcNormB = zeros({C});
    } else {
        w.normW = ones({C});
        w.normB = zeros({C});
    }
    w.headW = normal({c.numClasses, C});
    w.headB = zeros({c.numClasses});
    if (c.distilled) {
        w.headDistW = normal({c.numClasses, C});
        w.headDistB = zeros({c.numClasses});
    }
    ViTModel m(c, std::move(w));
    m.setFamily("random");
    return m;
}

void saveModel(const ViTModel& model, const std::string& folder) {
    fs::create_directories(folder);
    TensorMap t = weightsToTimmKeys(model.to(at::kCPU, at::kFloat).weights());
    for (const auto& [k, v] : model.extras()) t[k] = v.cpu();
    writeSafetensors((fs::path(folder) / "model.safetensors").string(), t, {{"format", "pt"}});
    writeFileAtomic((fs::path(folder) / "config.json").string(), model.config().toJsonText());
}

std::vector<HubModel> discoverHubModels() {
    std::vector<HubModel> out;
    fs::path hub;
    if (const char* hf = std::getenv("HF_HOME"); hf && *hf)
        hub = fs::path(hf) / "hub";
    else if (const char* home = std::getenv("HOME"); home && *home)
        hub = fs::path(home) / ".cache" / "huggingface" / "hub";
    std::error_code ec;
    if (hub.empty() || !fs::is_directory(hub, ec)) return out;
    for (const auto& repo : fs::directory_iterator(hub, ec)) {
        const std::string name = repo.path().filename().string();
        if (name.rfind("models--timm--", 0) != 0) continue;
        const fs::path snaps = repo.path() / "snapshots";
        if (!fs::is_directory(snaps, ec)) continue;
        for (const auto& snap : fs::directory_iterator(snaps, ec)) {
            if (existsQuiet(snap.path() / "model.safetensors") || existsQuiet(snap.path() / "pytorch_model.bin"))
                out.push_back({"timm/" + name.substr(14), snap.path().string()});
        }
    }
    return out;
}

}  // namespace vp
