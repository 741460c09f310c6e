#pragma once
// Process start-up shared by the CLI, the studio and the benchmarks: LibTorch's intra-op threads
// (its default is 1), the C allocator's handling of large tensors, and environment variables that
// libraries read while they are loaded.
#include <string>
#include <utility>
#include <vector>

namespace vp {

// Uses every hardware thread for LibTorch's intra-op parallelism.
void useAllCoresForTorch();

// glibc's malloc serves each block above its mmap threshold (128 KiB, rising to at most 32 MiB)
// with a fresh mmap and returns it on free, and trims the heap top after large frees. A ViT
// forward allocates and frees the same activations every time, so by default every forward
// page-faults its activations in again: measured on DeiT-S at batch 32 (2 threads), 3.3 M minor
// faults and 23 s of system time in 40 s, dense forward 4.6 s instead of 1.9 s, and pruned
// settings (smaller tensors, under the threshold) look super-linearly faster than they are.
// This keeps freed memory in the heap for reuse instead (no mmap for blocks, no trimming): the
// process keeps its peak footprint, as PyTorch's caching allocators do. No-op outside glibc.
void keepFreedMemoryForReuse();

// Some libraries read their settings from the environment once, while they are loaded, before
// main() runs (OpenCV's OPENCV_IO_MAX_IMAGE_PIXELS, the cap every image decoder checks before it
// allocates). So that the program behaves the same however it is started (a menu, a file manager,
// a shell), main() calls this first: each variable the environment lacks is set, and if any was
// missing the program re-executes itself (/proc/self/exe, same arguments) so that the libraries
// see them. A variable the user set is kept. If the re-execution fails it says so and goes on.
void ensureStartupEnvironment(char** argv, const std::vector<std::pair<std::string, std::string>>& vars);

}  // namespace vp
