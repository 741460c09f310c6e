#include "model_source.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <filesystem>
#include <vector>

#include "model/method_parts.h"
#include "model/model_loader.h"

namespace fs = std::filesystem;

namespace vp {

ViTConfig standInConfig() {
    ViTConfig c;
    c.architecture = "fashion_vit_tiny_standin";
    c.imageSize = 28;
    c.inChans = 1;
    c.patchSize = 4;
    c.embedDim = 64;
    c.depth = 12;
    c.numHeads = 4;
    c.mlpHidden = 256;
    c.numClasses = 10;
    c.cropPct = 1.0;
    c.interpolation = "bilinear";
    c.mean = {0.2860};
    c.std = {0.3530};
    c.labelNames = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return c;
}

namespace {

std::mutex g_partsMutex;
std::map<std::string, std::vector<std::string>> g_parts;
std::atomic<int> g_partsRevision{0};

OpenedModel openWithoutSessionParts(const std::string& spec);

}  // namespace

void addStudioParts(const std::string& spec, const std::string& partsFile) {
    {
        const std::lock_guard lock(g_partsMutex);
        std::vector<std::string>& files = g_parts[spec];
        files.erase(std::remove(files.begin(), files.end(), partsFile), files.end());
        files.push_back(partsFile);  // later files win where keys overlap
    }
    ++g_partsRevision;
}

std::vector<std::string> studioParts(const std::string& spec) {
    const std::lock_guard lock(g_partsMutex);
    const auto it = g_parts.find(spec);
    return it == g_parts.end() ? std::vector<std::string>{} : it->second;
}

int studioPartsRevision() { return g_partsRevision.load(); }

OpenedModel openStudioModel(const std::string& spec) {
    OpenedModel opened = openWithoutSessionParts(spec);
    for (const std::string& file : studioParts(spec)) loadMethodParts(opened.model, file);
    return opened;
}

namespace {

OpenedModel openWithoutSessionParts(const std::string& spec) {
    if (!spec.empty()) {
        OpenedModel m{loadModel(spec), "", false};
        const fs::path p(spec);
        m.name = fs::exists(p) ? (p.filename().empty() ? p.parent_path().filename() : p.filename()).string() : spec;
        return m;
    }
    const auto names = builtinModelNames();
    if (std::find(names.begin(), names.end(), kDefaultModelName) != names.end())
        return {loadModel(kDefaultModelName), kDefaultModelName, false};
    ViTModel model = randomModel(standInConfig(), 0);
    model.setOrigin("stand-in (random weights)");
    return {std::move(model), "Stand-in ViT (random weights)", true};
}

}  // namespace

std::string defaultImagePath() {
    static const std::vector<std::string> imageExts = {".png",  ".jpg",  ".jpeg", ".bmp", ".tif",
                                                       ".tiff", ".webp", ".pgm",  ".ppm"};
    std::error_code ec;
    const std::string res = resourcesDir();
    if (!res.empty() && fs::is_directory(fs::path(res) / "samples", ec)) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(fs::path(res) / "samples", ec)) {
            std::string ext = e.path().extension().string();
            std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
            if (e.is_regular_file(ec) && std::find(imageExts.begin(), imageExts.end(), ext) != imageExts.end())
                files.push_back(e.path());
        }
        std::sort(files.begin(), files.end());
        if (!files.empty()) return files.front().string();
    }
    for (const char* f : {"lena.jpg", "butterfly.jpg", "fruits.jpg", "baboon.jpg"}) {
        const fs::path p = fs::path("/usr/share/doc/opencv-doc/examples/data") / f;
        if (fs::is_regular_file(p, ec)) return p.string();
    }
    return "";
}

}  // namespace vp
