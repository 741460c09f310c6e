// libFuzzer target for model config.json parsing (vp::ViTConfig::fromJsonText: timm, our own and
// HF transformers' layouts). Any text must either give a config that validates or throw
// vp::Error; never crash or hit undefined behaviour. A config that parses must also survive its
// own toJsonText() unchanged (what the program writes next to a pruned model it reads back).
// Seeds: tests/fuzz/corpus/fuzz_config (the shipped model's and the reference fixtures' configs).
#include "common/error.h"
#include "model/vit_config.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    vp::ViTConfig c;
    try {
        c = vp::ViTConfig::fromJsonText(text, "fuzz.json");
    } catch (const vp::Error&) {
        return 0;
    }
    c.validate("fuzz.json");  // must not throw: fromJsonText returns validated configs only
    const std::string once = c.toJsonText();
    if (vp::ViTConfig::fromJsonText(once, "again.json").toJsonText() != once) __builtin_trap();
    volatile size_t sink = c.label(c.numClasses - 1).size() + static_cast<size_t>(c.numPatches());
    (void)sink;
    return 0;
}
