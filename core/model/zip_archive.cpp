#include "model/zip_archive.h"

#include "common/error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

namespace vp::detail {

// ---------------------------------------------------------------------------------------------
// MappedFile

MappedFile::MappedFile(const std::string& path) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then rejected below).
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) throw fileError(path, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        int e = errno;
        ::close(fd);
        throw fileError(path, std::string("cannot stat: ") + std::strerror(e));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        throw fileError(path, "not a regular file");
    }
    m_size = static_cast<size_t>(st.st_size);
    if (m_size > 0) {
        void* p = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            int e = errno;
            ::close(fd);
            throw fileError(path, std::string("cannot map: ") + std::strerror(e));
        }
        m_data = static_cast<const uint8_t*>(p);
    }
    ::close(fd);
}

MappedFile::~MappedFile() {
    if (m_data) ::munmap(const_cast<uint8_t*>(m_data), m_size);
}

// ---------------------------------------------------------------------------------------------
// ZipArchive

namespace {
// Deflate cannot expand more than ~1032:1; anything claiming more is a lie (or a bomb).
constexpr uint64_t kMaxDeflateRatio = 1100;
}  // namespace

ZipArchive::ZipArchive(const uint8_t* data, size_t size, const std::string& origin)
    : m_bufferSize(size), m_origin(origin) {
    zip_error_t err;
    zip_error_init(&err);
    static const uint8_t kEmpty = 0;
    zip_source_t* src = zip_source_buffer_create(size ? data : &kEmpty, size, 0, &err);
    if (!src) {
        std::string msg = zip_error_strerror(&err);
        zip_error_fini(&err);
        throw fileError(origin, "cannot read zip archive: " + msg);
    }
    m_zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!m_zip) {
        std::string msg = zip_error_strerror(&err);
        zip_source_free(src);
        zip_error_fini(&err);
        throw fileError(origin, "not a zip archive (" + msg + ")");
    }
    zip_error_fini(&err);
}

ZipArchive::~ZipArchive() {
    if (m_zip) zip_discard(m_zip);
}

std::vector<std::string> ZipArchive::names() const {
    std::vector<std::string> out;
    zip_int64_t n = zip_get_num_entries(m_zip, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        const char* name = zip_get_name(m_zip, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
        out.emplace_back(name ? name : "");
    }
    return out;
}

std::optional<uint64_t> ZipArchive::find(const std::string& name) const {
    zip_int64_t idx = zip_name_locate(m_zip, name.c_str(), ZIP_FL_ENC_RAW);
    if (idx < 0) return std::nullopt;
    return static_cast<uint64_t>(idx);
}

uint64_t ZipArchive::entrySize(uint64_t index) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(m_zip, index, ZIP_FL_ENC_RAW, &st) != 0)
        throw fileError(m_origin, "cannot stat zip entry " + std::to_string(index));
    const std::string name = (st.valid & ZIP_STAT_NAME) && st.name ? st.name : std::to_string(index);
    const uint64_t need = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD;
    if ((st.valid & need) != need) throw fileError(m_origin, "zip entry '" + name + "' has no size");
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        throw fileError(m_origin, "zip entry '" + name + "' is encrypted");
    if (st.comp_size > m_bufferSize)
        throw fileError(m_origin, "zip entry '" + name + "' compressed size " + std::to_string(st.comp_size) +
                                      " exceeds file size " + std::to_string(m_bufferSize));
    if (st.comp_method == ZIP_CM_STORE) {
        if (st.size != st.comp_size)
            throw fileError(m_origin, "zip entry '" + name + "' stored size " + std::to_string(st.size) +
                                          " differs from its data size " + std::to_string(st.comp_size));
    } else if (st.comp_method == ZIP_CM_DEFLATE) {
        if (st.size / kMaxDeflateRatio > st.comp_size)
            throw fileError(m_origin, "zip entry '" + name + "' claims an impossible size " + std::to_string(st.size));
    } else {
        throw fileError(
            m_origin, "zip entry '" + name + "' uses unsupported compression method " + std::to_string(st.comp_method));
    }
    return st.size;
}

void ZipArchive::read(uint64_t index, void* out, uint64_t size) const {
    const char* rawName = zip_get_name(m_zip, index, ZIP_FL_ENC_RAW);
    const std::string name = rawName ? rawName : std::to_string(index);
    zip_file_t* f = zip_fopen_index(m_zip, index, 0);
    if (!f) {
        throw fileError(m_origin, "cannot open zip entry '" + name + "': " + zip_error_strerror(zip_get_error(m_zip)));
    }
    uint8_t* dst = static_cast<uint8_t*>(out);
    uint64_t done = 0;
    std::string problem;
    while (done < size) {
        zip_int64_t n = zip_fread(f, dst + done, size - done);
        if (n < 0) {
            problem = zip_error_strerror(zip_file_get_error(f));
            break;
        }
        if (n == 0) {
            problem = "entry ends after " + std::to_string(done) + " of " + std::to_string(size) + " bytes";
            break;
        }
        done += static_cast<uint64_t>(n);
    }
    if (problem.empty()) {
        // Reading on to the end makes libzip check the entry's CRC (more data is fine: the
        // caller asked for a prefix).
        uint8_t extra = 0;
        if (zip_fread(f, &extra, 1) < 0) problem = zip_error_strerror(zip_file_get_error(f));
    }
    zip_fclose(f);
    if (!problem.empty()) throw fileError(m_origin, "cannot read zip entry '" + name + "': " + problem);
}

void ZipArchive::claim(uint64_t bytes) const {
    const uint64_t budget = kMaxDeflateRatio * std::max<uint64_t>(m_bufferSize, 1);
    if (bytes > budget || m_claimed + bytes > budget)
        throw fileError(m_origin, "its zip entries expand to more than " + std::to_string(kMaxDeflateRatio) +
                                      " times the file's size (" + std::to_string(m_claimed + bytes) +
                                      " bytes from a " + std::to_string(m_bufferSize) +
                                      "-byte file): entries share compressed data, as in a zip bomb");
    m_claimed += bytes;
}

std::vector<uint8_t> ZipArchive::readAll(uint64_t index) const {
    const uint64_t size = entrySize(index);
    claim(size);
    std::vector<uint8_t> out(size);
    if (!out.empty()) read(index, out.data(), out.size());
    return out;
}

}  // namespace vp::detail
