#pragma once
// Process start-up shared by the CLI, the studio and the benchmarks: LibTorch's intra-op threads
// (its default is 1) and the C allocator's handling of large tensors.

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

}  // namespace vp
