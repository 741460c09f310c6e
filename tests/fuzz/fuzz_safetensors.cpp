// libFuzzer target for the safetensors reader: any input must either parse into valid tensors or
// throw vp::Error; never crash, hang or read out of bounds. Seed: tests/fixtures/pth/*.safetensors.
#include "common/error.h"
#include "model/safetensors_io.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        vp::SafetensorsFile file = vp::parseSafetensors(data, size, "fuzz.safetensors");
        // Touch every byte of every tensor so ASan sees any bad allocation.
        uint8_t acc = 0;
        for (const auto& [name, t] : file.tensors) {
            if (!t.is_contiguous() || t.device().type() != at::kCPU) __builtin_trap();
            const auto* p = static_cast<const uint8_t*>(t.data_ptr());
            for (size_t i = 0, n = t.nbytes(); i < n; ++i) acc ^= p[i];
            acc ^= static_cast<uint8_t>(name.size());
        }
        for (const auto& [k, v] : file.metadata) acc ^= static_cast<uint8_t>(k.size() + v.size());
        volatile uint8_t sink = acc;
        (void)sink;
    } catch (const vp::Error&) {
    }
    return 0;
}
