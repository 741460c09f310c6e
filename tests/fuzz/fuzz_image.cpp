// libFuzzer target for image decoding (vp::decodeImage: OpenCV imgcodecs behind our own checks).
// Any input must either give an 8-bit grey or BGR picture of at most kMaxImagePixels pixels or
// throw vp::Error; never crash, hang, or allocate past the pixel cap.
// OpenCV reads its cap (OPENCV_IO_MAX_IMAGE_PIXELS) while it is loaded: like the programs'
// ensureStartupEnvironment, the target sets it and re-executes itself when it is missing.
// Only image_loader.cpp is instrumented (the codecs are system libraries), so coverage grows
// slowly; ASan still sees their heap through its interceptors. Seeds: tests/fuzz/corpus/fuzz_image.
#include "common/error.h"
#include "io/image_loader.h"
#include "io/startup_environment.h"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int*, char*** argv) {
    bool missing = false;
    for (const auto& [name, value] : vp::imageDecodingEnvironment())
        if (!std::getenv(name.c_str()) && ::setenv(name.c_str(), value.c_str(), 0) == 0) missing = true;
    if (missing) ::execv("/proc/self/exe", *argv);  // returns only on failure: fuzz without the cap
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        const cv::Mat m = vp::decodeImage(std::vector<uint8_t>(data, data + size), "fuzz.img");
        if (m.empty() || (m.type() != CV_8UC1 && m.type() != CV_8UC3) || !m.isContinuous() ||
            m.total() > vp::kMaxImagePixels)
            __builtin_trap();
        uint8_t acc = 0;  // every byte, so ASan sees a bad allocation
        for (size_t i = 0, n = m.total() * m.elemSize(); i < n; ++i) acc ^= m.data[i];
        volatile uint8_t sink = acc;
        (void)sink;
    } catch (const vp::Error&) {
    }
    return 0;
}
