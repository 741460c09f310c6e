// libFuzzer target for the torch.save (.pth) reader. Any input must either give tensors or throw
// vp::Error; never crash, hang, execute anything or read out of bounds.
//  - input starting with "PK": the whole reader (zip container + pickle VM + state-dict selection);
//  - input starting with 0x80 (a pickle PROTO): the pickle VM alone, with storages served as zeros,
//    so mutations reach the VM without first having to fix the zip's CRCs.
// Seeds: tests/fixtures/pth/*.pth and the data.pkl inside each.
#include "common/error.h"
#include "model/pickle_reader.h"
#include "model/pth_reader.h"

#include <cstddef>
#include <cstdint>

namespace {

uint8_t touch(const at::Tensor& t) {
    if (!t.defined() || !t.is_contiguous() || t.device().type() != at::kCPU) __builtin_trap();
    uint8_t acc = 0;
    const auto* p = static_cast<const uint8_t*>(t.data_ptr());
    for (size_t i = 0, n = t.nbytes(); i < n; ++i) acc ^= p[i];
    return acc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    uint8_t acc = 0;
    try {
        if (size > 0 && data[0] == 0x80) {
            auto load = [](const std::string&, at::ScalarType dtype, int64_t numel) {
                if (numel > (int64_t(1) << 16)) throw vp::Error("fuzz: storage too large");
                return at::zeros({numel}, at::TensorOptions().dtype(dtype));
            };
            auto result = vp::detail::unpickle(data, size, load, "fuzz.pkl");
            for (auto& obj : result->objects)
                if (obj.kind == vp::detail::PickleObject::Kind::Tensor) acc ^= touch(result->materialize(obj));
        } else {
            for (const auto& [name, t] : vp::parsePth(data, size, "fuzz.pth"))
                acc ^= touch(t) ^ static_cast<uint8_t>(name.size());
        }
    } catch (const vp::Error&) {
    }
    volatile uint8_t sink = acc;
    (void)sink;
    return 0;
}
