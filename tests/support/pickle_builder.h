#pragma once
// Builds protocol-2 pickles by hand, as torch.save writes them, for the .pth reader's tests.
#include <climits>
#include <cstdint>
#include <string>
#include <vector>

struct Pickle {
    std::string b = "\x80\x02";
    Pickle& op(char c) {
        b += c;
        return *this;
    }
    Pickle& op(unsigned char c) {
        b += static_cast<char>(c);
        return *this;
    }
    Pickle& str(const std::string& s) {
        b += 'X';
        for (int i = 0; i < 4; ++i) b += static_cast<char>(s.size() >> (8 * i));
        b += s;
        return *this;
    }
    Pickle& int1(int v) {
        b += 'K';
        b += static_cast<char>(v);
        return *this;
    }
    Pickle& num(int64_t v) {  // BININT1, BININT or LONG1
        if (v >= 0 && v < 256) return int1(static_cast<int>(v));
        const bool small = v >= INT32_MIN && v <= INT32_MAX;
        b += small ? "J" : "\x8a\x08";
        for (int i = 0; i < (small ? 4 : 8); ++i) b += static_cast<char>(static_cast<uint64_t>(v) >> (8 * i));
        return *this;
    }
    Pickle& global(const std::string& m, const std::string& n) {
        b += 'c' + m + '\n' + n + '\n';
        return *this;
    }
    // _rebuild_tensor_v2(persid(('storage', FloatStorage, key, 'cpu', numel)), offset, size, stride, False, OrderedDict())
    Pickle& tensor(const std::string& key, int64_t numel, int64_t offset, std::vector<int64_t> size,
                   std::vector<int64_t> stride, const std::string& storage = "FloatStorage") {
        global("torch._utils", "_rebuild_tensor_v2").op('(');
        op('(').str("storage").global("torch", storage).str(key).str("cpu").num(numel).op('t').op('Q');
        num(offset);
        op('(');
        for (int64_t s : size) num(s);
        op('t').op('(');
        for (int64_t s : stride) num(s);
        op('t').op('\x89').global("collections", "OrderedDict").op(')').op('R');
        return op('t').op('R');
    }
};
