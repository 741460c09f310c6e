// libFuzzer target for sweep files (vp::sweepFromJson) and for merging shards (vp::mergeSweeps).
// Any text must either parse or throw vp::Error; never crash or hit undefined behaviour.
//  - The input up to its first NUL byte is one sweep file: a sweep that parses must write the same
//    JSON after a round trip, and is merged as a 1-shard sweep and, relabelled as shard 0/2, with
//    an empty shard 1/2 copied from it (so mutations reach the summing past merge's checks).
//  - Text after the first NUL is a second file: both are merged, as `vitprune merge A B` does.
// Seeds: tests/fuzz/corpus/fuzz_sweep_json (as sweepToJson writes them; one with a NUL).
#include "common/error.h"
#include "eval/sweep_result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

void merge(const std::vector<vp::SweepResult>& parts) {
    try {
        const vp::SweepResult out = vp::mergeSweeps(std::vector<std::string>(parts.size(), "part.json"), parts);
        volatile size_t sink = vp::sweepToJson(out).size() + vp::sweepToCsv(out).size();
        (void)sink;
    } catch (const vp::Error&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string all(reinterpret_cast<const char*>(data), size);
    const size_t nul = all.find('\0');
    vp::SweepResult a;
    try {
        a = vp::sweepFromJson(all.substr(0, nul), "a.json");
    } catch (const vp::Error&) {
        return 0;
    }
    const std::string json = vp::sweepToJson(a);
    if (vp::sweepToJson(vp::sweepFromJson(json, "again.json")) != json) __builtin_trap();
    volatile size_t sink = vp::sweepToCsv(a).size();
    (void)sink;

    merge({a});
    vp::SweepResult half0 = a, half1 = a;
    half0.shard = {0, 2};
    half1.shard = {1, 2};
    for (vp::SweepMethod& m : half1.methods)  // an empty shard: the sums equal `a`'s own
        for (vp::SweepPoint& p : m.points) p.correct = p.images = 0, p.accuracy = 0;
    merge({half0, half1});
    if (nul == std::string::npos) return 0;
    vp::SweepResult b;
    try {
        b = vp::sweepFromJson(all.substr(nul + 1), "b.json");
    } catch (const vp::Error&) {
        return 0;
    }
    merge({a, b});
    merge({b, a});
    return 0;
}
