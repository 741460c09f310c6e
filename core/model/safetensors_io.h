#pragma once
// Validated safetensors reader and atomic writer.
// Format: 8-byte little-endian header length N, N bytes of JSON, then the raw tensor bytes.
// Every check failure throws vp::Error ("FILE: problem"); hostile input never reads out of bounds.
#include "model/tensor_map.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace vp {

struct SafetensorsFile {
    TensorMap tensors;                            // CPU, contiguous, owning, file's dtype
    std::map<std::string, std::string> metadata;  // "__metadata__"
};

// Largest accepted JSON header.
inline constexpr uint64_t kSafetensorsMaxHeader = 100000000;  // the format's limit (not 100 MiB)

SafetensorsFile readSafetensors(const std::string& path);
// `origin` names the data in error messages (the fuzzer passes a fixed name).
SafetensorsFile parseSafetensors(const uint8_t* data, size_t size, const std::string& origin);

// Atomic: writes path + ".tmp-XXXXXX" in the same folder, fsyncs, renames over `path`; on failure
// the temporary file is removed and `path` is left as it was. Supports F32, F16, BF16, F64, I64,
// I32, I16, I8, U8, BOOL. Tensors may live on any device and be non-contiguous.
void writeSafetensors(const std::string& path, const TensorMap& tensors,
                      const std::map<std::string, std::string>& metadata = {});

}  // namespace vp
