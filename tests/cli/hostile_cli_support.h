#pragma once
// Shared by test_hostile_cli.cpp and test_hostile_sweep_files.cpp: a per-test temp folder, shell
// quoting for paths that are not UTF-8, the built-in fashion model's files, and a substring check
// that prints the whole text when it fails.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_runner.h"

namespace hostile {

namespace fs = std::filesystem;

// `part` occurs in `text` (stable key words of a message, never the whole line).
inline ::testing::AssertionResult Has(const std::string& text, const std::string& part) {
    if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "'" << part << "' not in:\n" << text;
}

// One argument for sh -c, whatever bytes it holds.
inline std::string q(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}
inline std::string q(const fs::path& p) { return q(p.string()); }

inline std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
inline void writeBytes(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}
inline nlohmann::json readJson(const fs::path& p) { return nlohmann::json::parse(readBytes(p)); }
inline void writeJson(const fs::path& p, const nlohmann::json& j) { writeBytes(p, j.dump(1)); }

inline fs::path fashionDir() { return fs::path(VP_SOURCE_DIR) / "resources/models/fashion-vit-tiny"; }
inline fs::path sampleImage() { return fs::path(VP_SOURCE_DIR) / "resources/samples/sneaker_9.png"; }

// A model folder: `config` as config.json, `weights` (the fashion model's by default) as a
// symlink named model.safetensors.
inline fs::path makeModelDir(const fs::path& dir, const nlohmann::json& config,
                             const fs::path& weights = fashionDir() / "model.safetensors") {
    fs::create_directories(dir);
    writeJson(dir / "config.json", config);
    fs::create_symlink(fs::absolute(weights), dir / "model.safetensors");
    return dir;
}

// A process id that ran and is gone (reaped), for "a writer killed with -9".
inline pid_t deadPid() {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return pid;
}

inline size_t lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

// Empty class folders "zz0", "zz1", ... until `data` has `classes` of them: eval and sweep refuse
// a dataset whose class count is not the model's (io/dataset_guard.h; the fashion model has 10).
inline void padClasses(const fs::path& data, int classes = 10) {
    int have = 0;
    for (const auto& e : fs::directory_iterator(data)) have += e.is_directory() ? 1 : 0;
    for (int i = 0; have < classes; ++i)
        if (fs::create_directory(data / ("zz" + std::to_string(i)))) ++have;
}

// Each test gets its own folder, removed afterwards.
class HostileTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir =
            fs::temp_directory_path() / ("vp_hostile_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    fs::path dir() const { return m_dir; }

private:
    fs::path m_dir;
};

}  // namespace hostile
