// A model folder written whole or not at all (vitprune prune --out, the studio's Save pruned
// model): the files go into a sibling folder first, which then takes the target's name.
#include <unistd.h>

#include <filesystem>
#include <set>

#include "common/error.h"
#include "model/model_loader.h"

namespace vp {

namespace fs = std::filesystem;

void saveModelFolder(const ViTModel& model, const std::string& folder) {
    const fs::path target = fs::path(folder).lexically_normal();
    if (target.empty() || target.filename().empty()) throw fileError(folder, "not a folder name to save a model in");
    std::error_code ec;
    // Refuse to replace anything but a model folder this app wrote: never delete a user's files.
    if (fs::exists(target, ec)) {
        if (!fs::is_directory(target, ec)) throw fileError(folder, "exists and is not a folder");
        const std::set<std::string> ours{"model.safetensors", "config.json"};
        for (const auto& e : fs::directory_iterator(target, ec))
            if (!ours.count(e.path().filename().string()))
                throw fileError(folder, "exists and holds other files than model.safetensors and config.json (" +
                                            e.path().filename().string() + "); choose an empty or new folder");
    }
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    fs::create_directories(parent, ec);
    if (ec) throw fileError(parent.string(), "cannot create the folder: " + ec.message());
    const fs::path partial = parent / ("." + target.filename().string() + ".partial-" + std::to_string(::getpid()));
    fs::remove_all(partial, ec);
    try {
        saveModel(model, partial.string());
    } catch (...) {
        fs::remove_all(partial, ec);
        throw;
    }
    const fs::path old = parent / ("." + target.filename().string() + ".old-" + std::to_string(::getpid()));
    if (fs::exists(target, ec)) fs::rename(target, old, ec);
    if (ec) {
        fs::remove_all(partial, ec);
        throw fileError(folder, "cannot replace the folder: " + ec.message());
    }
    fs::rename(partial, target, ec);
    if (ec) {
        const std::string why = ec.message();
        std::error_code ignored;
        if (fs::exists(old, ignored)) fs::rename(old, target, ignored);
        fs::remove_all(partial, ignored);
        throw fileError(folder, "cannot move the saved model into place: " + why);
    }
    fs::remove_all(old, ec);
}

}  // namespace vp
