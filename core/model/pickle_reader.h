#pragma once
// Internal to pth_reader: a restricted pickle VM for the protocol-2..5 streams torch.save writes.
// It never imports or calls anything: it recognises only collections.OrderedDict,
// torch._utils._rebuild_tensor_v2 / _rebuild_parameter(_with_state),
// torch._tensor._rebuild_from_type_v2 and the torch.*Storage types; every other global is an
// opaque placeholder (calling, building or filling a placeholder yields a placeholder).
// Every input is bounded (stack, objects, lengths vs remaining bytes, tensor extents vs storages).
// Storages are read lazily: only tensors that are materialised (the selected state dict) cost I/O.
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
    int64_t i = 0;                                                 // Bool, Int
    std::string s;                                                 // Str, Bytes, Global "module.name", Storage key
    std::vector<PickleObject*> items;                              // Tuple, List
    std::vector<std::pair<PickleObject*, PickleObject*>> entries;  // Dict, in insertion order
    std::unordered_map<std::string, size_t> index;                 // Dict: str key -> entries index
    Fn fn = Fn::Other;                                             // Global: which recognised callable
    at::ScalarType dtype = at::kFloat;                             // Global StorageType, Storage
    // Storage: key in s, element count in i, 1-D data in tensor once loaded.
    // Tensor: storage offset in i, geometry below (checked against the storage), value in tensor
    // once materialised.
    PickleObject* storage = nullptr;
    std::vector<int64_t> sizes, strides;
    at::Tensor tensor;
    bool storageUsed = false;  // Storage: handed out whole (uncopied) already
};

const char* kindName(PickleObject::Kind kind);  // "dict", "list", "placeholder", ...

// Returns the 1-D storage `key` as a CPU tensor of `numel` elements of `dtype` (owning memory).
using StorageLoader = std::function<at::Tensor(const std::string& key, at::ScalarType dtype, int64_t numel)>;

// Owns every object (they may point at each other, in cycles too) and the stream's result.
class Unpickled {
public:
    Unpickled(StorageLoader load, std::string origin) : m_load(std::move(load)), m_origin(std::move(origin)) {}
    std::deque<PickleObject> objects;
    PickleObject* root = nullptr;

    // The value of a Tensor object: CPU, contiguous, owning memory (the whole storage when the
    // tensor covers it exactly, else a copy). Reads its storage on first use. Copies out of shared
    // storages are bounded by twice the bytes loaded plus 64 MB (stride-0 views are no bomb).
    at::Tensor materialize(PickleObject& tensor);

private:
    StorageLoader m_load;
    std::string m_origin;
    int64_t m_loadedBytes = 0, m_copiedBytes = 0;
};

// Runs `data` (the archive's data.pkl) up to STOP. `origin` names the file in errors
// (vp::Error, "ORIGIN: data.pkl: problem at byte N").
std::unique_ptr<Unpickled> unpickle(const uint8_t* data, size_t size, const StorageLoader& loadStorage,
                                    const std::string& origin);

}  // namespace vp::detail
