// The image pixel cap holds in the programs however they are started: without the variable in
// the environment, vitprune sets it and restarts itself (vp::ensureStartupEnvironment), so even
// formats whose size only OpenCV reads (BMP here) are refused before decoding.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli_runner.h"

namespace fs = std::filesystem;

TEST(ImageLimitsCli, AHugeBmpIsRefusedWhenStartedWithoutTheVariable) {
    const fs::path dir = fs::temp_directory_path() / ("vp_imglim_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string bmp = "BM";
    auto le = [&](uint32_t v, int n) {
        for (int i = 0; i < n; ++i) bmp += static_cast<char>(v >> (8 * i));
    };
    for (uint32_t v : {54u, 0u, 54u, 40u, 30000u, 30000u}) le(v, 4);
    le(1, 2);
    le(24, 2);
    for (int i = 0; i < 6; ++i) le(0, 4);
    const std::string path = (dir / "huge.bmp").string();
    std::ofstream(path, std::ios::binary) << bmp;

    const MeasuredCliRun r = runCliMeasured("predict fashion-vit-tiny " + path, "env -u OPENCV_IO_MAX_IMAGE_PIXELS");
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find(path + ": image too large"), std::string::npos) << r.err;
    if (!underSanitizer()) EXPECT_LT(r.peakKiB / 1024, 600) << "2.7 GB if decoded";
    fs::remove_all(dir);
}
