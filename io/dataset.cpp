#include "io/dataset.h"

#include <sys/stat.h>

#include <ATen/Parallel.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <set>

#include "common/error.h"
#include "eval/fashion_mnist_idx.h"
#include "io/image_loader.h"
#include "io/preprocess.h"

namespace vp {
namespace {

namespace fs = std::filesystem;

const char* const kSpecHelp =
    "expected 'fashion-mnist', 'fashion-mnist:train', a folder of Fashion-MNIST idx files or a folder of "
    "class sub-folders with images";

void checkIndices(const std::vector<int64_t>& indices, int64_t size, const std::string& name) {
    for (int64_t i : indices)
        if (i < 0 || i >= size)
            throw Error(
                name + ": sample index " + std::to_string(i) + " out of range [0, " + std::to_string(size) + ")",
                Error::Kind::Internal);
}

// ---- idx (Fashion-MNIST) ----

class IdxDataset : public Dataset {
public:
    IdxDataset(std::string name, IdxImages data) : m_name(std::move(name)), m_data(std::move(data)) {
        m_data.images = m_data.images.contiguous();
        m_data.labels = m_data.labels.to(at::kLong).contiguous();
        const int64_t maxLabel = m_data.labels.max().item<int64_t>();
        const auto& fashion = fashionMnistClassNames();
        if (maxLabel < int64_t(fashion.size())) {
            m_classes = fashion;
        } else {
            for (int64_t c = 0; c <= maxLabel; ++c) m_classes.push_back(std::to_string(c));
        }
    }
    std::string name() const override { return m_name; }
    int64_t size() const override { return m_data.images.size(0); }
    std::vector<std::string> classNames() const override { return m_classes; }

    Batch batch(const std::vector<int64_t>& indices, const ViTConfig& cfg) const override {
        checkIndices(indices, size(), m_name);
        const int64_t B = int64_t(indices.size()), H = m_data.images.size(1), W = m_data.images.size(2);
        // Gather by hand (memcpy per image): cheaper than index_select for small batches.
        at::Tensor raw = at::empty({B, H, W}, at::TensorOptions().dtype(at::kByte));
        Batch b;
        b.labels = at::empty({B}, at::TensorOptions().dtype(at::kLong));
        const uint8_t* pixels = m_data.images.data_ptr<uint8_t>();
        const int64_t* labels = m_data.labels.data_ptr<int64_t>();
        uint8_t* rawPtr = raw.data_ptr<uint8_t>();
        int64_t* labelPtr = b.labels.data_ptr<int64_t>();
        for (int64_t i = 0; i < B; ++i) {
            std::memcpy(rawPtr + i * H * W, pixels + indices[size_t(i)] * H * W, size_t(H * W));
            labelPtr[i] = labels[indices[size_t(i)]];
        }
        const int S = cfg.imageSize;
        if (H == W && H == S && resizeShortSide(cfg) == S && (cfg.inChans == 1 || cfg.inChans == 3)) {
            // Fast path: the eval transform is the identity on the pixels (no resize, full crop),
            // so the batch is a table look-up per pixel. Bit-identical to preprocess().
            b.images = normaliseUint8(raw.unsqueeze(1).expand({B, cfg.inChans, H, W}), cfg);
            return b;
        }
        std::vector<cv::Mat> mats;
        mats.reserve(size_t(B));
        for (int64_t i = 0; i < B; ++i) mats.emplace_back(int(H), int(W), CV_8UC1, rawPtr + i * H * W);
        b.images = preprocessBatch(mats, cfg);
        return b;
    }

private:
    std::string m_name;
    IdxImages m_data;
    std::vector<std::string> m_classes;
};

bool isFile(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

// "<prefix>images-idx3-ubyte[.gz]" with its "<prefix>labels-idx1-ubyte[.gz]", preferring the
// test split (t10k-) unless `split` is "train".
std::unique_ptr<Dataset> openIdxFolder(const fs::path& dir, const std::string& split, const std::string& name) {
    std::vector<std::pair<fs::path, fs::path>> pairs;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string file = entry.path().filename().string();
        const size_t at = file.find("images-idx3-ubyte");
        if (at == std::string::npos || !isFile(entry.path())) continue;
        std::string labels = file;
        labels.replace(at, std::strlen("images-idx3"), "labels-idx1");
        fs::path lp = dir / labels;
        if (!isFile(lp)) {  // tolerate one compressed and one plain
            const bool gz = labels.size() > 3 && labels.ends_with(".gz");
            lp = dir / (gz ? labels.substr(0, labels.size() - 3) : labels + ".gz");
            if (!isFile(lp))
                throw fileError(entry.path().string(), "has no matching label file " + (dir / labels).string());
        }
        pairs.emplace_back(entry.path(), lp);
    }
    if (pairs.empty()) return nullptr;
    std::sort(pairs.begin(), pairs.end());
    auto isTest = [](const fs::path& p) { return p.filename().string().rfind("t10k", 0) == 0; };
    auto isTrain = [](const fs::path& p) { return p.filename().string().rfind("train", 0) == 0; };
    const std::pair<fs::path, fs::path>* pick = nullptr;
    for (const auto& p : pairs)
        if (split == "train" ? isTrain(p.first) : isTest(p.first)) pick = pick ? pick : &p;
    if (!pick && !split.empty())
        throw fileError(dir.string(), "has no " + split + " split idx files (" +
                                          (split == "train" ? "train-" : "t10k-") + "images-idx3-ubyte[.gz])");
    if (!pick) pick = &pairs.front();
    return std::make_unique<IdxDataset>(name, readFashionMnist(pick->first.string(), pick->second.string()));
}

// ---- ImageNet-style class folders ----

bool hasImageExtension(const fs::path& p) {
    // torchvision's IMG_EXTENSIONS, so sample indices agree with a Python ImageFolder.
    static const std::set<std::string> exts{".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp"};
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return exts.count(e) > 0;
}

class FolderDataset : public Dataset {
public:
    FolderDataset(std::string name, std::vector<std::string> classes, std::vector<std::string> files,
                  std::vector<int64_t> labels)
        : m_name(std::move(name)), m_classes(std::move(classes)), m_files(std::move(files)),
          m_labels(std::move(labels)) {}
    std::string name() const override { return m_name; }
    int64_t size() const override { return int64_t(m_files.size()); }
    std::vector<std::string> classNames() const override { return m_classes; }

    Batch batch(const std::vector<int64_t>& indices, const ViTConfig& cfg) const override {
        checkIndices(indices, size(), m_name);
        std::vector<cv::Mat> mats(indices.size());
        std::vector<int64_t> labels(indices.size());
        at::parallel_for(0, int64_t(indices.size()), 1, [&](int64_t begin, int64_t end) {
            for (int64_t i = begin; i < end; ++i) mats[size_t(i)] = loadImage(m_files[size_t(indices[size_t(i)])]);
        });
        for (size_t i = 0; i < indices.size(); ++i) labels[i] = m_labels[size_t(indices[i])];
        Batch b;
        b.images = preprocessBatch(mats, cfg);
        b.labels = at::tensor(labels, at::TensorOptions().dtype(at::kLong));
        return b;
    }

private:
    std::string m_name;
    std::vector<std::string> m_classes, m_files;
    std::vector<int64_t> m_labels;
};

// torchvision's ImageFolder order: class = sub-folder sorted by name; inside a class, files in
// sorted(os.walk()) order, i.e. by containing folder (as a string), then by file name. Hidden
// files and folders (".DS_Store", "._x.jpg", ".git") are skipped, unlike torchvision.
std::unique_ptr<Dataset> openClassFolder(const fs::path& dir, const std::string& name) {
    std::vector<fs::path> classDirs;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string n = entry.path().filename().string();
        std::error_code dirEc;
        if (!n.empty() && n[0] != '.' && fs::is_directory(entry.path(), dirEc)) classDirs.push_back(entry.path());
    }
    if (ec) throw fileError(dir.string(), "cannot list folder: " + ec.message());
    std::sort(classDirs.begin(), classDirs.end());
    std::vector<std::string> classes, files;
    std::vector<int64_t> labels;
    for (size_t c = 0; c < classDirs.size(); ++c) {
        classes.push_back(classDirs[c].filename().string());
        std::vector<std::pair<std::string, std::string>> found;  // (folder, file name)
        const auto opts =
            fs::directory_options::follow_directory_symlink | fs::directory_options::skip_permission_denied;
        // Symlinked folders are followed, each real folder once: a link to an ancestor (or two,
        // which would branch exponentially) ends the walk there instead of looping.
        std::set<std::pair<dev_t, ino_t>> visited;
        auto firstVisit = [&](const fs::path& folder) {
            struct stat st {};
            return ::stat(folder.c_str(), &st) != 0 || visited.insert({st.st_dev, st.st_ino}).second;
        };
        firstVisit(classDirs[c]);
        for (auto it = fs::recursive_directory_iterator(classDirs[c], opts, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            std::error_code entryEc;
            if (it->path().filename().string().rfind('.', 0) == 0) {
                if (it->is_directory(entryEc)) it.disable_recursion_pending();
                continue;
            }
            if (it->is_directory(entryEc)) {
                if (!firstVisit(it->path())) it.disable_recursion_pending();
                continue;
            }
            if (hasImageExtension(it->path()) && isFile(it->path()))
                found.emplace_back(it->path().parent_path().string(), it->path().filename().string());
        }
        if (ec) throw fileError(classDirs[c].string(), "cannot list folder: " + ec.message());
        std::sort(found.begin(), found.end());
        for (const auto& [folder, file] : found) {
            files.push_back((fs::path(folder) / file).string());
            labels.push_back(int64_t(c));
        }
    }
    if (files.empty()) return nullptr;
    return std::make_unique<FolderDataset>(name, std::move(classes), std::move(files), std::move(labels));
}

std::unique_ptr<Dataset> openDebianFashionMnist(const std::string& spec, bool train) {
    const fs::path dir = fashionMnistDir();
    const std::string prefix = train ? "train" : "t10k";
    const fs::path images = dir / (prefix + "-images-idx3-ubyte.gz"), labels = dir / (prefix + "-labels-idx1-ubyte.gz");
    if (!isFile(images) || !isFile(labels))
        throw Error(spec + ": " + images.string() +
                    " not found; install the Debian package dataset-fashion-mnist (scripts/setup.sh)");
    return std::make_unique<IdxDataset>(spec, readFashionMnist(images.string(), labels.string()));
}

}  // namespace

std::unique_ptr<Dataset> openDataset(const std::string& spec) {
    if (spec == "fashion-mnist" || spec == "fashion-mnist:test") return openDebianFashionMnist(spec, false);
    if (spec == "fashion-mnist:train") return openDebianFashionMnist(spec, true);
    if (spec.empty()) throw Error(std::string("empty dataset name; ") + kSpecHelp);

    std::error_code ec;
    fs::path dir = spec;
    std::string split;
    const bool exists = fs::exists(dir, ec);
    if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
        throw fileError(spec, "cannot access: " + ec.message());  // a symlink loop, no permission
    if (!exists) {                                                // "FOLDER:train" / "FOLDER:test" picks an idx split
        for (const char* s : {"train", "test"}) {
            const std::string suffix = std::string(":") + s;
            if (spec.size() > suffix.size() && spec.ends_with(suffix) &&
                fs::is_directory(spec.substr(0, spec.size() - suffix.size()), ec)) {
                dir = spec.substr(0, spec.size() - suffix.size());
                split = s;
            }
        }
        if (split.empty()) throw fileError(spec, std::string("no such dataset or folder; ") + kSpecHelp);
    }
    if (!fs::is_directory(dir, ec)) throw fileError(spec, std::string("not a folder; ") + kSpecHelp);

    if (auto idx = openIdxFolder(dir, split, spec)) return idx;
    if (!split.empty()) throw fileError(dir.string(), "contains no idx files (*images-idx3-ubyte[.gz])");
    if (auto folder = openClassFolder(dir, spec)) return folder;
    throw fileError(spec, "contains neither Fashion-MNIST idx files nor class sub-folders with images");
}

}  // namespace vp
