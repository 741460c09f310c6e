#pragma once
// Runs the vitprune binary (VP_CLI) with arguments; captures exit code, stdout and stderr, and
// (runCliMeasured) the run's peak resident memory.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/peak_memory.h"

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

struct MeasuredCliRun : CliRun {
    long peakKiB = 0;  // peak RSS of the command (the shell and what it waited for), in KiB
};

// As runCli, through fork/exec and wait4, whose rusage covers the shell's waited-for children:
// the peak RSS is this run's alone (a test process's own RUSAGE_CHILDREN keeps the max of all).
inline MeasuredCliRun runCliMeasured(const std::string& args, const std::string& env = "") {
    namespace fs = std::filesystem;
    static int counter = 0;
    const std::string base =
        fs::temp_directory_path() / ("vp_cli_m_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    const std::string cmd = env + " " + std::string(VP_CLI) + " " + args + " >" + base + ".out 2>" + base + ".err";
    MeasuredCliRun r{};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    struct rusage ru {};
    ::wait4(pid, &status, 0, &ru);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.peakKiB = ru.ru_maxrss;
    auto slurp = [](const std::string& p) {
        std::ifstream in(p, std::ios::binary);
        std::string s((std::istreambuf_iterator<char>(in)), {});
        fs::remove(p);
        return s;
    };
    r.out = slurp(base + ".out");
    r.err = slurp(base + ".err");
    return r;
}
