// Hostile input through the vitprune binary (issue 19): each test builds its bad input in a temp
// folder and checks the exit code (2: the user's input) and the key words of the one-line message.
// Models, weights, paths that are not UTF-8, symlink loops, and command-line details. The sweep
// and merge files are in test_hostile_sweep_files.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>

#include "cli/hostile_cli_support.h"

namespace {

using namespace hostile;

class HostileCli : public HostileTest {};

// The fashion model's shapes as a Hugging Face ViT config (model_type "vit"), whose id2label is
// read; `keys` are its id2label keys.
nlohmann::json hfConfig(const std::vector<std::string>& keys) {
    const nlohmann::json fashion = readJson(fashionDir() / "config.json");
    nlohmann::json labels = nlohmann::json::object();
    for (const std::string& k : keys) labels[k] = "class " + k;
    return {{"model_type", "vit"},
            {"hidden_size", fashion.at("embed_dim")},
            {"num_hidden_layers", fashion.at("depth")},
            {"num_attention_heads", fashion.at("num_heads")},
            {"intermediate_size", fashion.at("mlp_hidden")},
            {"image_size", 28},
            {"patch_size", fashion.at("patch_size")},
            {"num_channels", 1},
            {"layer_norm_eps", 1e-6},
            {"id2label", labels}};
}

std::vector<std::string> keysWith(const std::string& last) {
    std::vector<std::string> keys;
    for (int i = 0; i < 9; ++i) keys.push_back(std::to_string(i));
    keys.push_back(last);
    return keys;
}

TEST_F(HostileCli, Id2labelKeysMustBeClassIndices) {
    // The same config with the keys 0..9 loads: what follows fails on id2label alone.
    const fs::path good = makeModelDir(dir() / "good", hfConfig(keysWith("9")));
    const CliRun ok = runCli("info " + q(good) + " --json");
    ASSERT_EQ(ok.code, 0) << ok.err;
    const nlohmann::json info = nlohmann::json::parse(ok.out);
    EXPECT_EQ(info["num_classes"], 10);
    EXPECT_EQ(info["label_names"][9], "class 9");

    // "-1" wrote before the label vector.
    const fs::path minus = makeModelDir(dir() / "minus", hfConfig(keysWith("-1")));
    const CliRun m = runCli("info " + q(minus));
    EXPECT_EQ(m.code, 2) << m.err;
    EXPECT_TRUE(Has(m.err, (minus / "config.json").string()));
    EXPECT_TRUE(Has(m.err, "id2label key '-1' is not a class index"));
    EXPECT_FALSE(Has(m.err, "internal error"));
    EXPECT_EQ(lines(m.err), 1u);

    // "100000000" resized the vector to 1e8 strings (3.2 GB).
    const fs::path huge = makeModelDir(dir() / "huge", hfConfig(keysWith("100000000")));
    const MeasuredCliRun h = runCliMeasured("info " + q(huge));
    EXPECT_EQ(h.code, 2) << h.err;
    EXPECT_TRUE(Has(h.err, "id2label key '100000000' is not a class index"));
    if (!underSanitizer()) EXPECT_LT(h.peakKiB, 1536L * 1024) << "the old reader took 3.2 GB";

    // One past the last class, a sign, a space, hexadecimal: none is a class index.
    for (const std::string& key : {"10", "+1", " 1", "0x1"}) {
        const fs::path d =
            makeModelDir(dir() / ("k" + std::to_string(std::hash<std::string>{}(key))), hfConfig(keysWith(key)));
        const CliRun r = runCli("info " + q(d));
        EXPECT_EQ(r.code, 2) << key << "\n" << r.err;
        EXPECT_TRUE(Has(r.err, "id2label key '" + key + "' is not a class index")) << key;
    }
}

// A copy of the fashion model's safetensors file with `edit` applied to its parsed header and
// data: edit(header, dataOffset, bytes).
fs::path editedWeights(const fs::path& out, const std::function<void(nlohmann::json&, size_t, std::string&)>& edit) {
    std::string bytes = readBytes(fashionDir() / "model.safetensors");
    uint64_t headerLen = 0;
    std::memcpy(&headerLen, bytes.data(), 8);  // little-endian, as the host
    nlohmann::json header = nlohmann::json::parse(bytes.substr(8, headerLen));
    edit(header, 8 + headerLen, bytes);
    std::string text = header.dump();
    EXPECT_LE(text.size(), headerLen) << "the edited header must fit in the old one";
    text.resize(headerLen, ' ');  // safetensors allows trailing spaces
    bytes.replace(8, headerLen, text);
    writeBytes(out, bytes);
    return out;
}

// Overwrites the first float of `tensor` with `value`.
void poke(nlohmann::json& header, size_t base, std::string& bytes, const std::string& tensor, float value) {
    const size_t begin = header.at(tensor).at("data_offsets").at(0).get<size_t>();
    std::memcpy(&bytes[base + begin], &value, sizeof value);
}

TEST_F(HostileCli, BadWeightsAreRefusedNamingTheTensor) {
    const nlohmann::json fashion = readJson(fashionDir() / "config.json");
    // layer_norm_eps -1 and 0: LayerNorm divides by zero on a constant row.
    for (double eps : {-1.0, 0.0}) {
        nlohmann::json c = fashion;
        c["layer_norm_eps"] = eps;
        const fs::path d = makeModelDir(dir() / ("eps" + std::to_string(eps < 0)), c);
        const CliRun r = runCli("info " + q(d));
        EXPECT_EQ(r.code, 2) << eps << "\n" << r.err;
        EXPECT_TRUE(Has(r.err, "layer_norm_eps")) << eps;
        EXPECT_TRUE(Has(r.err, (d / "config.json").string())) << eps;
    }

    // One NaN in blocks.3.attn.qkv.weight, one +Inf in a bias.
    struct Poison {
        std::string tensor;
        float value;
    };
    for (const Poison& p : {Poison{"blocks.3.attn.qkv.weight", std::numeric_limits<float>::quiet_NaN()},
                            Poison{"blocks.7.mlp.fc1.bias", std::numeric_limits<float>::infinity()}}) {
        const fs::path w =
            editedWeights(dir() / "poisoned.safetensors",
                          [&](nlohmann::json& h, size_t base, std::string& b) { poke(h, base, b, p.tensor, p.value); });
        fs::remove_all(dir() / "poisoned");
        const fs::path d = makeModelDir(dir() / "poisoned", fashion, w);
        const CliRun r = runCli("predict " + q(d) + " " + q(sampleImage()) + " --json");
        EXPECT_EQ(r.code, 2) << p.tensor << "\n" << r.err;
        EXPECT_TRUE(Has(r.err, "'" + p.tensor + "'"));
        EXPECT_TRUE(Has(r.err, "NaN or infinite"));
        EXPECT_TRUE(r.out.empty()) << r.out;
    }

    // Float bytes labelled I32 (same size, so the file stays well-formed).
    const fs::path w = editedWeights(dir() / "relabelled.safetensors", [](nlohmann::json& h, size_t, std::string&) {
        ASSERT_EQ(h["blocks.3.attn.qkv.weight"]["dtype"], "F32");
        h["blocks.3.attn.qkv.weight"]["dtype"] = "I32";
    });
    const fs::path d = makeModelDir(dir() / "relabelled", fashion, w);
    const CliRun r = runCli("info " + q(d));
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_TRUE(Has(r.err, "'blocks.3.attn.qkv.weight'"));
    EXPECT_TRUE(Has(r.err, "where a weight needs floating point"));
    EXPECT_EQ(lines(r.err), 1u);
}

TEST_F(HostileCli, NonUtf8PathsInPredictAndEval) {
    // A file named caf\xe9.png (Latin-1): legal on Linux, not UTF-8, so not JSON text as it is.
    const fs::path image = dir() / "caf\xe9.png";
    fs::copy_file(sampleImage(), image);
    const CliRun p = runCli("predict fashion-vit-tiny " + q(image) + " --json");
    ASSERT_EQ(p.code, 0) << p.err;
    nlohmann::json j;
    ASSERT_NO_THROW(j = nlohmann::json::parse(p.out)) << p.out;
    ASSERT_EQ(j["predictions"].size(), 1u);
    EXPECT_EQ(j["predictions"][0]["image"], (dir() / "caf\xEF\xBF\xBD.png").string());  // U+FFFD
    EXPECT_EQ(j["predictions"][0]["top"][0]["label"], "Sneaker");

    // A class-folder dataset whose folder, one class and one file are not UTF-8.
    const fs::path data = dir() /
                          "donn\xe9"
                          "es";
    const std::vector<std::pair<std::string, std::string>> classes{
        {"bag", "bag_18.png"}, {"chauss\xe9", "sneaker_12.png"}, {"trouser", "trouser_2.png"}};
    for (const auto& [cls, file] : classes) {
        fs::create_directories(data / cls);
        fs::copy_file(fs::path(VP_SOURCE_DIR) / "resources/samples" / file, data / cls / file);
    }
    fs::copy_file(sampleImage(), data / ("chauss\xe9") / "b\xe9.png");
    padClasses(data);
    const CliRun e = runCli("eval fashion-vit-tiny " + q(data) + " --limit 8 --batch 4 --json");
    ASSERT_EQ(e.code, 0) << e.err;
    ASSERT_NO_THROW(j = nlohmann::json::parse(e.out)) << e.out;
    EXPECT_EQ(j["images"], 4);
    EXPECT_EQ(j["dataset"], (dir() / "donn\xEF\xBF\xBD"
                                     "es")
                                .string());
    // Without --json the bytes go out as they are.
    const CliRun t = runCli("eval fashion-vit-tiny " + q(data) + " --limit 8");
    EXPECT_EQ(t.code, 0) << t.err;
    EXPECT_TRUE(Has(t.out, "on 4 images"));
}

TEST_F(HostileCli, SymlinkLoopsAreUserErrors) {
    const fs::path loop = dir() / "loop";
    fs::create_symlink("loop", loop);
    const fs::path a = dir() / "a", b = dir() / "b";  // a -> b -> a
    fs::create_symlink("b", a);
    fs::create_symlink("a", b);
    for (const std::string& cmd : {"info " + q(loop), "info " + q(a), "predict " + q(loop) + " " + q(sampleImage()),
                                   "eval " + q(a) + " fashion-mnist --limit 4"}) {
        const CliRun r = runCli(cmd);
        EXPECT_EQ(r.code, 2) << cmd << "\n" << r.err;
        EXPECT_TRUE(Has(r.err, std::make_error_code(std::errc::too_many_symbolic_link_levels).message())) << cmd;
        EXPECT_FALSE(Has(r.err, "internal error")) << cmd;
        EXPECT_EQ(lines(r.err), 1u) << r.err;
    }
    // As an image or a dataset: refused, never std::terminate or an internal error.
    for (const std::string& cmd : {"predict fashion-vit-tiny " + q(loop), "eval fashion-vit-tiny " + q(loop)}) {
        const CliRun r = runCli(cmd);
        EXPECT_EQ(r.code, 2) << cmd << "\n" << r.err;
        EXPECT_TRUE(Has(r.err, loop.string())) << cmd;
        EXPECT_TRUE(Has(r.err, std::make_error_code(std::errc::too_many_symbolic_link_levels).message())) << cmd;
        EXPECT_FALSE(Has(r.err, "internal error")) << cmd;
    }
    // A class folder holding a link to its ancestor: each real folder is walked once.
    const fs::path data = dir() / "data";
    fs::create_directories(data / "bag");
    fs::create_directories(data / "coat");
    fs::copy_file(fs::path(VP_SOURCE_DIR) / "resources/samples/bag_18.png", data / "bag" / "bag_18.png");
    fs::copy_file(fs::path(VP_SOURCE_DIR) / "resources/samples/coat_6.png", data / "coat" / "coat_6.png");
    fs::create_directory_symlink("..", data / "bag" / "up");
    fs::create_directory_symlink("../..", data / "coat" / "top");
    padClasses(data);
    const CliRun e = runCli("eval fashion-vit-tiny " + q(data) + " --json");
    ASSERT_EQ(e.code, 0) << e.err;
    const nlohmann::json j = nlohmann::json::parse(e.out);
    // bag: its own file and coat's through up/; coat: its own and bag's through top/data/.
    EXPECT_EQ(j["images"], 4);
}

TEST_F(HostileCli, CommandLineDetails) {
    const std::string img = q(sampleImage());
    struct Case {
        std::string args;
        std::vector<std::string> words;
    };
    const std::vector<Case> cases{
        {"predict fashion-vit-tiny " + img + " --method evit --budget 0", {"--budget", "must be greater than 0"}},
        {"predict fashion-vit-tiny " + img + " --method evit --budget -1", {"--budget", "must be greater than 0"}},
        {"predict fashion-vit-tiny " + img + " --bogus", {"unknown option --bogus"}},
        {"predict fashion-vit-tiny " + img + " --method", {"--method: missing value"}},
        {"predict fashion-vit-tiny " + img + " --method evit --set locations=63", {"locations", "12 blocks"}},
        {"predict fashion-vit-tiny " + img + " --method evit --set locations=3,12", {"locations", "12 blocks"}},
        {"predict fashion-vit-tiny " + img + " --method tome --set r=0x10", {"'r'", "0x10", "not a number"}},
        {"predict fashion-vit-tiny " + img + " --method tome --set 'r= 4'", {"'r'", "not a number"}},
        {"sweep fashion-vit-tiny fashion-mnist --methods evit --points 1 --limit 16 --out " + q(dir() / "s.json") +
             " --shard ' 0/ 2'",
         {"--shard", "expected K/N"}},
    };
    for (const Case& c : cases) {
        const CliRun r = runCli(c.args);
        EXPECT_EQ(r.code, 2) << c.args << "\n" << r.err;
        for (const std::string& w : c.words) EXPECT_TRUE(Has(r.err, w)) << c.args;
        EXPECT_EQ(lines(r.err), 1u) << c.args << "\n" << r.err;
        EXPECT_TRUE(r.out.empty()) << c.args << "\n" << r.out;
    }
    EXPECT_FALSE(fs::exists(dir() / "s.json"));

    // --out is checked before any work: a missing folder, and a folder where the file should be.
    const fs::path missing = "/nonexistent-dir-vp-hostile/x.json";
    const CliRun m = runCli(
        "sweep fashion-vit-tiny fashion-mnist --methods evit --points 1 --limit 16 --threads 1 "
        "--out " +
        q(missing));
    EXPECT_EQ(m.code, 2) << m.err;
    EXPECT_TRUE(Has(m.err, missing.string() + ": cannot write"));
    EXPECT_FALSE(Has(m.err, "solving")) << "the sweep started its work";
    EXPECT_FALSE(Has(m.err, "point")) << "a point was measured";
    EXPECT_EQ(lines(m.err), 1u) << m.err;
    EXPECT_FALSE(fs::exists(missing));

    fs::create_directories(dir() / "taken.json");
    const CliRun f = runCli(
        "sweep fashion-vit-tiny fashion-mnist --methods evit --points 1 --limit 16 --threads 1 "
        "--out " +
        q(dir() / "taken.json"));
    EXPECT_EQ(f.code, 2) << f.err;
    EXPECT_TRUE(Has(f.err, "is a folder"));
    EXPECT_FALSE(Has(f.err, "solving"));
    EXPECT_TRUE(fs::is_empty(dir() / "taken.json"));
}

}  // namespace
