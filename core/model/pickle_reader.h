#pragma once
// Internal to pth_reader: a restricted pickle VM for the protocol-2..5 streams torch.save writes.
// It never imports or calls anything: it recognises only collections.OrderedDict,
// torch._utils._rebuild_tensor_v2 / _rebuild_parameter(_with_state),
// torch._tensor._rebuild_from_type_v2 and the torch.*Storage types; every other global is an
// opaque placeholder (calling, building or filling a placeholder yields a placeholder).
// Every input is bounded (stack, objects, lengths vs remaining bytes, tensor extents vs storages).
#include <ATen/ATen.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace vp::detail {

// One unpickled value, reduced to what a checkpoint needs (floats keep no value).
struct PickleObject {
    enum class Kind { None, Bool, Int, Float, Str, Bytes, Tuple, List, Dict, Global, Storage, Tensor, Opaque };
    enum class Fn { Other, OrderedDict, RebuildTensorV2, RebuildParameter, RebuildFromType, StorageType };

    Kind kind = Kind::None;
    int64_t i = 0;                                         // Bool, Int
    std::string s;                                         // Str, Bytes, Global "module.name", Storage key
    std::vector<PickleObject*> items;                      // Tuple, List
    std::vector<std::pair<PickleObject*, PickleObject*>> entries;  // Dict, in insertion order
    std::unordered_map<std::string, size_t> index;         // Dict: str key -> entries index
    at::Tensor tensor;                                     // Tensor; Storage: its 1-D data
    Fn fn = Fn::Other;                                     // Global: which recognised callable
    at::ScalarType dtype = at::kFloat;                     // Global StorageType, Storage
    bool storageUsed = false;                              // Storage: handed out whole already
};

const char* kindName(PickleObject::Kind kind);  // "dict", "list", "placeholder", ...

// Owns every object (they may point at each other, in cycles too) and the stream's result.
struct Unpickled {
    std::deque<PickleObject> objects;
    const PickleObject* root = nullptr;
};

// Returns the 1-D storage `key` as a CPU tensor of `numel` elements of `dtype` (owning memory).
using StorageLoader =
    std::function<at::Tensor(const std::string& key, at::ScalarType dtype, int64_t numel)>;

// Runs `data` (the archive's data.pkl) up to STOP. `origin` names the file in errors
// (vp::Error, "ORIGIN: data.pkl: problem at byte N").
std::unique_ptr<Unpickled> unpickle(const uint8_t* data, size_t size, const StorageLoader& loadStorage,
                                    const std::string& origin);

}  // namespace vp::detail
