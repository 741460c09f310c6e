#pragma once
// Internal helpers of the checkpoint readers (safetensors_io, pth_reader): a read-only memory
// mapping of a whole file, and a bounded read-only view of a zip archive held in memory (libzip).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

typedef struct zip zip_t;

namespace vp::detail {

// The bytes of a file, mapped read-only (an empty file gives size 0 and a null data pointer).
class MappedFile {
public:
    explicit MappedFile(const std::string& path);  // throws vp::Error naming the file
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    const uint8_t* data() const { return m_data; }
    size_t size() const { return m_size; }

private:
    const uint8_t* m_data = nullptr;
    size_t m_size = 0;
};

// A zip archive over a caller-owned buffer (which must outlive the archive).
class ZipArchive {
public:
    ZipArchive(const uint8_t* data, size_t size, const std::string& origin);  // throws vp::Error
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    std::vector<std::string> names() const;
    // Index of the entry named exactly `name`.
    std::optional<uint64_t> find(const std::string& name) const;
    // Uncompressed size of an entry, after checking it against the archive's size.
    uint64_t entrySize(uint64_t index) const;
    // Reads exactly `size` bytes of the entry into `out` (size must be ≤ entrySize(index)).
    void read(uint64_t index, void* out, uint64_t size) const;
    std::vector<uint8_t> readAll(uint64_t index) const;
    // Counts `bytes` about to be inflated against the archive's budget: all entries together may
    // expand to at most kMaxDeflateRatio times the archive's size. Entries that share one deflate
    // stream each pass the per-entry ratio check, so only the total catches them. Call before
    // allocating the destination; throws vp::Error past the budget.
    void claim(uint64_t bytes) const;

private:
    zip_t* m_zip = nullptr;
    size_t m_bufferSize = 0;
    std::string m_origin;
    mutable uint64_t m_claimed = 0;
};

}  // namespace vp::detail
