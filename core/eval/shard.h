#pragma once
// Splitting a dataset across the tasks of a Slurm array job or the ranks of an MPI launch:
// shard K of N takes the images i with i % N == K. No cluster code: the scheduler starts the
// processes, each one evaluates its shard, `vitprune merge` adds the parts up.
#include <cstdint>
#include <string>
#include <vector>

namespace vp {

struct Shard {
    int index = 0;  // K
    int count = 1;  // N
    std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// "K/N" with 0 <= K < N, or "auto": OMPI_COMM_WORLD_RANK/OMPI_COMM_WORLD_SIZE, then
// PMI_RANK/PMI_SIZE, then SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT (with
// SLURM_ARRAY_TASK_MIN as offset), else 0/1. Throws vp::Error naming --shard.
Shard parseShard(const std::string& text);

// The dataset indices of `shard` among the first `total` images, ascending.
std::vector<int64_t> shardIndices(int64_t total, const Shard& shard);

}  // namespace vp
