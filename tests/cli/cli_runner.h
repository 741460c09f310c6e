#pragma once
// Runs the vitprune binary (VP_CLI) with arguments; captures exit code, stdout and stderr.
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

struct CliRun {
    int code;
    std::string out;
    std::string err;
};

// `env` is prefixed to the command line (e.g. "VITPRUNE_SWEEP_STOP_AFTER=1").
inline CliRun runCli(const std::string& args, const std::string& env = "") {
    namespace fs = std::filesystem;
    static int counter = 0;
    const std::string errFile =
        fs::temp_directory_path() / ("vp_cli_err_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    const std::string cmd = env + " " + std::string(VP_CLI) + " " + args + " 2>" + errFile;
    CliRun r{};
    FILE* p = ::popen(cmd.c_str(), "r");
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    const int status = ::pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(errFile);
    r.err.assign(std::istreambuf_iterator<char>(in), {});
    fs::remove(errFile);
    return r;
}
