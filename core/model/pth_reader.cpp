#include "model/pth_reader.h"

#include "common/error.h"
#include "model/pickle_reader.h"
#include "model/zip_archive.h"

#include <cstring>
#include <vector>

namespace vp {

namespace {

// data.pkl holds only structure (tensor data lives in data/<key>): ~100 bytes a tensor, so a few
// MB even for models with tens of thousands of tensors.
constexpr uint64_t kMaxPickle = uint64_t(64) << 20;

bool startsWith(const uint8_t* data, size_t size, const char* magic, size_t n) {
    return size >= n && std::memcmp(data, magic, n) == 0;
}

// "<prefix>/data.pkl" with a single top folder (torch writes "archive/" or the file's stem).
std::string findPickle(const detail::ZipArchive& zip, const std::string& origin) {
    const std::vector<std::string> names = zip.names();
    for (const auto& name : names) {
        const std::string suffix = "data.pkl";
        if (name.size() < suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string prefix = name.substr(0, name.size() - suffix.size());
        if (prefix.empty() || (prefix.back() == '/' && prefix.find('/') == prefix.size() - 1)) return prefix;
    }
    std::string listed;
    for (size_t i = 0; i < names.size() && i < 10; ++i) listed += (i ? ", " : "") + names[i];
    if (names.size() > 10) listed += ", ...";
    throw fileError(origin, "data.pkl missing from the zip archive (entries: " +
                                (listed.empty() ? std::string("none") : listed) + ")");
}

using detail::PickleObject;
using Kind = PickleObject::Kind;

bool holdsTensors(const PickleObject* o) {
    if (o->kind != Kind::Dict || o->entries.empty()) return false;
    for (const auto& [k, v] : o->entries)
        if (k->kind != Kind::Str || v->kind != Kind::Tensor) return false;
    return true;
}

// The top-level dict if it holds only tensors, else the first of the usual checkpoint keys that does.
TensorMap selectStateDict(detail::Unpickled& unpickled, const std::string& origin) {
    const PickleObject* root = unpickled.root;
    const PickleObject* sd = nullptr;
    if (holdsTensors(root)) {
        sd = root;
    } else if (root->kind == Kind::Dict) {
        for (const char* key : {"model", "state_dict", "module", "model_ema"}) {
            auto it = root->index.find(key);
            if (it != root->index.end() && holdsTensors(root->entries[it->second].second)) {
                sd = root->entries[it->second].second;
                break;
            }
        }
    }
    if (!sd) {
        std::string what;
        if (root->kind != Kind::Dict) {
            what = std::string("the pickled object is a ") + detail::kindName(root->kind);
        } else {
            what = "top-level keys: ";
            size_t n = 0;
            for (const auto& entry : root->entries) {
                if (n++ == 20) {
                    what += ", ...";
                    break;
                }
                if (n > 1) what += ", ";
                const PickleObject* k = entry.first;
                what += k->kind == Kind::Str ? k->s.substr(0, 80) : "<" + std::string(detail::kindName(k->kind)) + ">";
            }
            if (n == 0) what += "none";
        }
        throw fileError(origin, "no state dict of tensors found (" + what + ")");
    }
    bool strip = true;
    for (const auto& entry : sd->entries) strip = strip && entry.first->s.rfind("module.", 0) == 0;
    TensorMap out;
    for (const auto& [k, v] : sd->entries) out[strip ? k->s.substr(7) : k->s] = unpickled.materialize(*v);
    return out;
}

}  // namespace

TensorMap parsePth(const uint8_t* data, size_t size, const std::string& origin) {
    if (!startsWith(data, size, "PK\x03\x04", 4) && !startsWith(data, size, "PK\x05\x06", 4)) {
        // torch.save before 1.6 (or with _use_new_zipfile_serialization=False) writes a bare
        // pickle stream starting with PROTO.
        if (size >= 2 && data[0] == 0x80 && data[1] >= 2 && data[1] <= 5)
            throw fileError(origin,
                            "legacy (pre-1.6) torch.save format is not supported; "
                            "re-save with torch>=1.6");
        throw fileError(origin, "not a zip archive (not a torch.save checkpoint)");
    }
    detail::ZipArchive zip(data, size, origin);
    const std::string prefix = findPickle(zip, origin);

    if (auto bo = zip.find(prefix + "byteorder")) {
        if (zip.entrySize(*bo) <= 16) {
            std::vector<uint8_t> order = zip.readAll(*bo);
            if (std::string(order.begin(), order.end()) == "big")
                throw fileError(origin, "big-endian checkpoints are not supported");
        }
    }

    const uint64_t pickleIndex = *zip.find(prefix + "data.pkl");
    if (const uint64_t n = zip.entrySize(pickleIndex); n > kMaxPickle)
        throw fileError(origin,
                        "data.pkl is " + std::to_string(n) + " bytes (limit " + std::to_string(kMaxPickle) + ")");
    const std::vector<uint8_t> pickle = zip.readAll(pickleIndex);

    auto load = [&](const std::string& key, at::ScalarType dtype, int64_t numel) -> at::Tensor {
        const std::string entry = prefix + "data/" + key;
        auto idx = zip.find(entry);
        if (!idx) throw fileError(origin, "storage '" + key + "' missing (no zip entry '" + entry + "')");
        const uint64_t have = zip.entrySize(*idx);
        const uint64_t itemsize = c10::elementSize(dtype);
        uint64_t need = 0;
        if (__builtin_mul_overflow(static_cast<uint64_t>(numel), itemsize, &need) || need > have)
            throw fileError(origin, "storage '" + key + "' of " + std::to_string(numel) + " " + c10::toString(dtype) +
                                        " elements needs more bytes than its entry holds (" + std::to_string(have) +
                                        ")");
        zip.claim(need);
        at::Tensor t = at::empty({numel}, at::TensorOptions().dtype(dtype));
        if (need > 0) {
            zip.read(*idx, t.data_ptr(), need);
            if (dtype == at::kBool) {  // only 0/1 are valid bool bytes
                auto* p = static_cast<uint8_t*>(t.data_ptr());
                for (uint64_t i = 0; i < need; ++i) p[i] = p[i] != 0;
            }
        }
        return t;
    };
    const auto unpickled = detail::unpickle(pickle.data(), pickle.size(), load, origin);
    return selectStateDict(*unpickled, origin);
}

TensorMap readPth(const std::string& path) {
    detail::MappedFile file(path);
    return parsePth(file.data(), file.size(), path);
}

}  // namespace vp
