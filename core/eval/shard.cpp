#include "eval/shard.h"

#include <cstdlib>

#include "common/error.h"

namespace vp {
namespace {

bool parseInt(const std::string& text, long long& out) {
    // Digits with an optional minus sign only: std::stoll would also skip leading spaces.
    if (text.empty() || text.find_first_not_of("0123456789-") != std::string::npos) return false;
    size_t used = 0;
    try {
        out = std::stoll(text, &used);
    } catch (const std::exception&) {
        return false;
    }
    return used == text.size();
}

const char* env(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
}

Shard checked(long long k, long long n, const std::string& origin) {
    if (n < 1 || n > 1000000 || k < 0 || k >= n)
        throw Error("--shard " + origin + ": expected K/N with 0 <= K < N (got " + std::to_string(k) + "/" +
                    std::to_string(n) + ")");
    return {static_cast<int>(k), static_cast<int>(n)};
}

Shard fromEnv(const char* rankVar, const char* sizeVar, const char* offsetVar = nullptr) {
    long long k = 0, n = 0, off = 0;
    const std::string origin = std::string("auto (") + rankVar + "/" + sizeVar + ")";
    if (!parseInt(env(rankVar), k) || !parseInt(env(sizeVar), n))
        throw Error("--shard " + origin + ": '" + env(rankVar) + "/" + env(sizeVar) + "' are not integers");
    if (offsetVar && env(offsetVar) && !parseInt(env(offsetVar), off))
        throw Error("--shard auto: " + std::string(offsetVar) + " is not an integer");
    return checked(k - off, n, origin);
}

}  // namespace

Shard parseShard(const std::string& text) {
    if (text.empty()) return {};
    if (text == "auto") {
        if (env("OMPI_COMM_WORLD_RANK") && env("OMPI_COMM_WORLD_SIZE"))
            return fromEnv("OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE");
        if (env("PMI_RANK") && env("PMI_SIZE")) return fromEnv("PMI_RANK", "PMI_SIZE");
        if (env("SLURM_ARRAY_TASK_ID") && env("SLURM_ARRAY_TASK_COUNT"))
            return fromEnv("SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN");
        return {};
    }
    const size_t slash = text.find('/');
    long long k = 0, n = 0;
    if (slash == std::string::npos || !parseInt(text.substr(0, slash), k) || !parseInt(text.substr(slash + 1), n))
        throw Error("--shard '" + text + "': expected K/N (e.g. 0/4) or auto");
    return checked(k, n, "'" + text + "'");
}

std::vector<int64_t> shardIndices(int64_t total, const Shard& shard) {
    std::vector<int64_t> out;
    out.reserve(static_cast<size_t>(total / shard.count + 1));
    for (int64_t i = shard.index; i < total; i += shard.count) out.push_back(i);
    return out;
}

}  // namespace vp
