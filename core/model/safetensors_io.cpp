#include "model/safetensors_io.h"

#include "common/error.h"
#include "model/zip_archive.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace vp {

namespace {

using nlohmann::json;

struct DtypeInfo {
    const char* name;
    at::ScalarType type;
    size_t itemsize;
};

constexpr DtypeInfo kDtypes[] = {
    {"F32", at::kFloat, 4}, {"F16", at::kHalf, 2},  {"BF16", at::kBFloat16, 2}, {"F64", at::kDouble, 8},
    {"I64", at::kLong, 8},  {"I32", at::kInt, 4},   {"I16", at::kShort, 2},     {"I8", at::kChar, 1},
    {"U8", at::kByte, 1},   {"BOOL", at::kBool, 1},
};

const DtypeInfo* dtypeByName(const std::string& name) {
    for (const auto& d : kDtypes)
        if (name == d.name) return &d;
    return nullptr;
}

const DtypeInfo* dtypeByType(at::ScalarType t) {
    for (const auto& d : kDtypes)
        if (t == d.type) return &d;
    return nullptr;
}

constexpr size_t kMaxDims = 64;
constexpr int kMaxJsonDepth = 8;  // {name: {shape: [..]}} needs 3

uint64_t readLe64(const uint8_t* p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

struct Entry {
    std::string name;
    const DtypeInfo* dtype = nullptr;
    std::vector<int64_t> shape;
    uint64_t begin = 0, end = 0;
};

std::string offsetsText(const Entry& e) { return "[" + std::to_string(e.begin) + ", " + std::to_string(e.end) + "]"; }

Entry parseEntry(const std::string& origin, const std::string& name, const json& v, uint64_t dataSize) {
    auto bad = [&](const std::string& problem) { return fileError(origin, "tensor '" + name + "': " + problem); };
    if (!v.is_object()) throw bad("header entry is not an object");
    Entry e;
    e.name = name;
    auto dt = v.find("dtype");
    if (dt == v.end() || !dt->is_string()) throw bad("missing dtype");
    const std::string dtypeName = dt->get<std::string>();
    e.dtype = dtypeByName(dtypeName);
    if (!e.dtype) throw fileError(origin, "unknown dtype '" + dtypeName + "' for tensor '" + name + "'");

    auto sh = v.find("shape");
    if (sh == v.end() || !sh->is_array()) throw bad("missing shape");
    if (sh->size() > kMaxDims) throw bad("shape has " + std::to_string(sh->size()) + " dimensions");
    uint64_t numel = 1;
    for (const auto& d : *sh) {
        if (!d.is_number_integer()) throw bad("shape " + sh->dump() + " is not a list of integers");
        if (!d.is_number_unsigned()) throw bad("negative dimension in shape " + sh->dump());
        uint64_t n = d.get<uint64_t>();
        if (n > static_cast<uint64_t>(INT64_MAX) || __builtin_mul_overflow(numel, n, &numel))
            throw bad("shape " + sh->dump() + " has too many elements");
        e.shape.push_back(static_cast<int64_t>(n));
    }
    uint64_t nbytes = 0;
    if (__builtin_mul_overflow(numel, e.dtype->itemsize, &nbytes) || nbytes > static_cast<uint64_t>(INT64_MAX))
        throw bad("shape " + sh->dump() + " has too many elements");

    auto off = v.find("data_offsets");
    if (off == v.end() || !off->is_array() || off->size() != 2 || !(*off)[0].is_number_unsigned() ||
        !(*off)[1].is_number_unsigned())
        throw bad("data_offsets must be two non-negative integers");
    e.begin = (*off)[0].get<uint64_t>();
    e.end = (*off)[1].get<uint64_t>();
    if (e.begin > e.end) throw bad("data_offsets " + offsetsText(e) + " begin after end");
    if (e.end > dataSize)
        throw bad("data_offsets " + offsetsText(e) + " out of range (data size " + std::to_string(dataSize) + ")");
    if (e.end - e.begin != nbytes)
        throw bad("data_offsets " + offsetsText(e) + " hold " + std::to_string(e.end - e.begin) + " bytes but " +
                  dtypeName + " shape " + sh->dump() + " needs " + std::to_string(nbytes));
    return e;
}

std::map<std::string, std::string> parseMetadata(const std::string& origin, const json& m) {
    if (!m.is_object()) throw fileError(origin, "__metadata__ is not an object");
    std::map<std::string, std::string> out;
    for (auto it = m.begin(); it != m.end(); ++it) {
        if (!it->is_string()) throw fileError(origin, "__metadata__ value for '" + it.key() + "' is not a string");
        out[it.key()] = it->get<std::string>();
    }
    return out;
}

// ---- writing -------------------------------------------------------------------------------

void writeAll(int fd, const void* data, size_t size) {
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        ssize_t n = ::write(fd, p, std::min<size_t>(size, 1u << 30));
        if (n < 0) {
            if (errno == EINTR) continue;
            throw errno;
        }
        if (n == 0) throw EIO;
        p += n;
        size -= static_cast<size_t>(n);
    }
}

}  // namespace

SafetensorsFile parseSafetensors(const uint8_t* data, size_t size, const std::string& origin) {
    if (size < 8)
        throw fileError(origin, "file too small for a safetensors header (" + std::to_string(size) + " bytes)");
    const uint64_t headerLen = readLe64(data);
    // Words first, then the detail: a file that is not safetensors at all fails here.
    if (headerLen > size - 8)
        throw fileError(origin, "not a safetensors file, or a truncated one: header length " +
                                    std::to_string(headerLen) + " exceeds file size " + std::to_string(size));
    if (headerLen > kSafetensorsMaxHeader)
        throw fileError(origin, "not a usable safetensors file: header length " + std::to_string(headerLen) +
                                    " exceeds the format's limit of 100000000 bytes");
    const uint8_t* headerBegin = data + 8;
    const uint8_t* dataBase = headerBegin + headerLen;
    const uint64_t dataSize = size - 8 - headerLen;

    bool tooDeep = false;
    json header;
    try {
        header = json::parse(headerBegin, dataBase, [&](int depth, json::parse_event_t, json&) {
            if (depth > kMaxJsonDepth) tooDeep = true;
            return !tooDeep;
        });
    } catch (const json::exception& ex) {
        throw fileError(origin, std::string("header is not valid JSON: ") + ex.what());
    }
    if (tooDeep) throw fileError(origin, "header JSON is nested too deeply");
    if (!header.is_object()) throw fileError(origin, "header JSON is not an object");

    SafetensorsFile out;
    std::vector<Entry> entries;
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == "__metadata__") {
            out.metadata = parseMetadata(origin, it.value());
            continue;
        }
        entries.push_back(parseEntry(origin, it.key(), it.value(), dataSize));
    }

    // As the reference safetensors library: sorted by (begin, end), each tensor starts exactly
    // where the previous one ends and the last ends at the data's end. So ranges never overlap, a
    // zero-size tensor cannot sit inside another's bytes, and no byte is a gap or trailing data.
    std::vector<const Entry*> byOffset;
    for (const auto& e : entries) byOffset.push_back(&e);
    std::sort(byOffset.begin(), byOffset.end(), [](const Entry* a, const Entry* b) {
        if (a->begin != b->begin) return a->begin < b->begin;
        return a->end != b->end ? a->end < b->end : a->name < b->name;
    });
    uint64_t expected = 0;
    const Entry* prev = nullptr;
    for (const Entry* cur : byOffset) {
        if (cur->begin < expected)
            throw fileError(origin, "tensor '" + cur->name + "' data_offsets " + offsetsText(*cur) +
                                        " overlap tensor '" + prev->name + "' " + offsetsText(*prev));
        if (cur->begin > expected)
            throw fileError(origin, "the data has a gap: bytes [" + std::to_string(expected) + ", " +
                                        std::to_string(cur->begin) + ") belong to no tensor (next: '" + cur->name +
                                        "' " + offsetsText(*cur) + ")");
        expected = cur->end;
        prev = cur;
    }
    if (expected != dataSize)
        throw fileError(origin, "tensors cover " + std::to_string(expected) + " of the " + std::to_string(dataSize) +
                                    " data bytes (the file has gaps or trailing bytes)");

    for (const auto& e : entries) {
        at::Tensor t = at::empty(e.shape, at::TensorOptions().dtype(e.dtype->type));
        const size_t nbytes = static_cast<size_t>(e.end - e.begin);
        if (nbytes > 0) {
            std::memcpy(t.data_ptr(), dataBase + e.begin, nbytes);
            if (e.dtype->type == at::kBool) {  // only 0/1 are valid bool bytes
                auto* p = static_cast<uint8_t*>(t.data_ptr());
                for (size_t i = 0; i < nbytes; ++i) p[i] = p[i] != 0;
            }
        }
        out.tensors.emplace(e.name, std::move(t));
    }
    return out;
}

SafetensorsFile readSafetensors(const std::string& path) {
    detail::MappedFile file(path);
    return parseSafetensors(file.data(), file.size(), path);
}

void writeSafetensors(const std::string& path, const TensorMap& tensors,
                      const std::map<std::string, std::string>& metadata) {
    // Build the header and the list of CPU contiguous tensors first: no file is touched when a
    // tensor cannot be written.
    json header = json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    std::vector<at::Tensor> blobs;
    uint64_t offset = 0;
    for (const auto& [name, tensor] : tensors) {
        if (name == "__metadata__") throw fileError(path, "tensor name '__metadata__' is reserved");
        if (!tensor.defined()) throw fileError(path, "tensor '" + name + "' is undefined");
        const DtypeInfo* d = dtypeByType(tensor.scalar_type());
        if (!d)
            throw fileError(path, "tensor '" + name + "' has dtype " +
                                      std::string(c10::toString(tensor.scalar_type())) +
                                      " which safetensors cannot store");
        at::Tensor t = tensor.detach().to(at::kCPU).contiguous();
        const uint64_t nbytes = static_cast<uint64_t>(t.numel()) * d->itemsize;
        header[name] = {{"dtype", d->name}, {"shape", t.sizes().vec()}, {"data_offsets", {offset, offset + nbytes}}};
        offset += nbytes;
        blobs.push_back(std::move(t));
    }
    std::string headerText;
    try {
        headerText = header.dump();     // strict: a tensor name is never silently rewritten
    } catch (const json::exception&) {  // names and metadata must be valid UTF-8
        throw fileError(path, "tensor names and metadata must be valid UTF-8");
    }
    headerText.append((8 - headerText.size() % 8) % 8, ' ');
    uint8_t lenBytes[8];
    for (int i = 0; i < 8; ++i) lenBytes[i] = static_cast<uint8_t>(uint64_t(headerText.size()) >> (8 * i));

    std::string tmpl = path + ".tmp-XXXXXX";
    std::vector<char> tmpName(tmpl.begin(), tmpl.end());
    tmpName.push_back('\0');
    int fd = ::mkstemp(tmpName.data());
    if (fd < 0)
        throw fileError(path, std::string("cannot create a temporary file next to it: ") + std::strerror(errno));
    const std::string tmpPath(tmpName.data());
    auto fail = [&](const std::string& what, int err) {
        if (fd >= 0) ::close(fd);
        ::unlink(tmpPath.c_str());
        return fileError(path, what + ": " + std::strerror(err));
    };
    try {
        writeAll(fd, lenBytes, 8);
        writeAll(fd, headerText.data(), headerText.size());
        for (const auto& t : blobs)
            if (t.numel() > 0) writeAll(fd, t.data_ptr(), static_cast<size_t>(t.nbytes()));
    } catch (int err) {
        throw fail("write failed", err);
    }
    if (::fchmod(fd, 0644) != 0) throw fail("cannot set permissions", errno);
    if (::fsync(fd) != 0) throw fail("fsync failed", errno);
    if (::close(fd) != 0) {
        fd = -1;
        throw fail("close failed", errno);
    }
    fd = -1;
    if (::rename(tmpPath.c_str(), path.c_str()) != 0) throw fail("cannot rename into place", errno);
    // Make the rename durable; failure here does not undo the write.
    std::string dir = std::filesystem::path(path).parent_path().string();
    int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

}  // namespace vp
