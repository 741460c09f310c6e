// Video input and the Eventful Transformer on real frames (opencv-doc's vtest.avi through the
// shipped model): parity with dense where the gates pick everything, clear errors for videos that
// cannot be played, the newest-frame-wins mailbox and the paced decoder.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "eval/video_eval.h"
#include "io/frame_mailbox.h"
#include "io/io_test_util.h"
#include "io/preprocess.h"
#include "io/video_decoder.h"
#include "io/video_source.h"
#include "model/model_loader.h"
#include "prune/registry.h"

namespace {

const std::string kVtest = vp::test::kOpenCvData + "/vtest.avi";

std::vector<at::Tensor> videoFrames(const vp::ViTConfig& cfg, int count) {
    vp::VideoSource source(kVtest);
    std::vector<at::Tensor> out;
    cv::Mat image;
    while (static_cast<int>(out.size()) < count && source.read(image)) out.push_back(vp::preprocess(image, cfg));
    return out;
}

std::string errorOf(const std::string& spec) {
    try {
        vp::VideoSource s(spec);
    } catch (const vp::Error& e) {
        return e.what();
    }
    return "";
}

void copyPrefix(const std::string& from, const std::string& to, double fraction) {
    std::ifstream in(from, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(to, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size() * fraction));
}

}  // namespace

// Largest difference in probabilities from dense over the frames, the method continuing its stream.
float maxDeviation(const vp::ViTModel& model, const std::vector<at::Tensor>& frames,
                   const std::map<std::string, std::string>& knobs) {
    vp::KnobValues v;
    for (const auto& [k, value] : knobs) v.set(k, value);
    vp::MethodPtr m = vp::builtinRegistry().create("eventful", v);
    m->prepare(model);
    vp::ForwardOptions o;
    o.continueStream = true;
    float worst = 0;
    for (const at::Tensor& f : frames)
        worst = std::max(
            worst, (model.forward(f, *m, o).logits.softmax(1) - model.forward(f).softmax(1)).abs().max().item<float>());
    return worst;
}

TEST(EventfulVideo, EveryTokenAndThresholdZeroEqualDenseOnVtestFrames) {
    c10::InferenceMode guard;
    const vp::ViTModel model = vp::loadModel("fashion-vit-tiny");
    const std::vector<at::Tensor> frames = videoFrames(model.config(), 20);
    ASSERT_EQ(frames.size(), 20u);
    for (const char* attention : {"delta", "delta-exact", "sparse-qk", "dense"})
        EXPECT_LE(maxDeviation(model, frames, {{"r", "50"}, {"attention", attention}}), 1e-4f) << attention;
    // Threshold 0 recomputes every token that changed at all. Some 4x4 patches of the 28x28 frames
    // do not change, so the attention update decides.
    for (const char* attention : {"delta-exact", "sparse-qk", "dense"})
        EXPECT_LE(maxDeviation(model, frames, {{"policy", "threshold"}, {"threshold", "0"}, {"attention", attention}}),
                  1e-4f)
            << attention;
    // The reference's delta keeps the old attention weights of unpicked columns: it drifts, a little.
    const float reference = maxDeviation(model, frames, {{"policy", "threshold"}, {"threshold", "0"}});
    EXPECT_GT(reference, 1e-4f);
    EXPECT_LT(reference, 0.05f);
}

TEST(EventfulVideo, FewerTokensCostLessAndTheEvaluatorReportsEveryFrame) {
    c10::InferenceMode guard;
    const vp::ViTModel model = vp::loadModel("fashion-vit-tiny");
    const std::vector<at::Tensor> frames = videoFrames(model.config(), 12);
    double previous = 0;
    for (const char* r : {"4", "16", "40"}) {
        vp::KnobValues v;
        v.set("r", r);
        vp::MethodPtr m = vp::builtinRegistry().create("eventful", v);
        m->prepare(model);
        vp::VideoEvaluator evaluator(model, model, *m);
        std::vector<vp::VideoFrameResult> results;
        for (size_t i = 0; i < frames.size(); ++i)
            results.push_back(evaluator.step(frames[i], static_cast<int64_t>(i)));
        EXPECT_DOUBLE_EQ(results.front().gmacs, results.front().denseGmacs);  // the first frame is dense
        for (size_t i = 1; i < results.size(); ++i) EXPECT_LT(results[i].gmacs, results[i].denseGmacs) << r;
        const vp::VideoSummary s = vp::summarizeVideo(results);
        EXPECT_EQ(s.frames, 12);
        EXPECT_GT(s.meanGmacs, previous);  // GMACs grow with r
        previous = s.meanGmacs;
        EXPECT_GE(s.agreement, 0.0);
        EXPECT_LE(s.agreement, 1.0);
    }
}

TEST(VideoSource, ReadsVtestWithItsHeader) {
    vp::VideoSource s(kVtest);
    EXPECT_EQ(s.info().width, 768);
    EXPECT_EQ(s.info().height, 576);
    EXPECT_GT(s.info().fps, 5);
    EXPECT_GT(s.info().frameCount, 700);
    cv::Mat f;
    ASSERT_TRUE(s.read(f));
    EXPECT_EQ(f.type(), CV_8UC3);
    EXPECT_EQ(s.position(), 1);
    ASSERT_TRUE(s.seek(100));
    ASSERT_TRUE(s.read(f));
    EXPECT_EQ(s.position(), 101);
}

TEST(VideoSource, BadVideosGetClearErrors) {
    vp::test::ScratchDir dir;
    EXPECT_NE(errorOf(dir.file("missing.avi")).find("no such file"), std::string::npos);
    EXPECT_NE(errorOf(dir.path().string()).find("folder"), std::string::npos);
    std::ofstream(dir.file("notes.avi")) << "this is a text file, not a video\n";
    const std::string text = errorOf(dir.file("notes.avi"));
    EXPECT_NE(text.find("notes.avi"), std::string::npos) << text;
    EXPECT_NE(text.find("not a video"), std::string::npos) << text;
    std::ofstream(dir.file("empty.avi")).flush();
    EXPECT_NE(errorOf(dir.file("empty.avi")).find("empty"), std::string::npos);
    // A header with no decodable frame: the first 4 KiB of vtest.avi.
    copyPrefix(kVtest, dir.file("header_only.avi"), 4096.0 / 8131690);
    const std::string header = errorOf(dir.file("header_only.avi"));
    EXPECT_NE(header.find("header_only.avi"), std::string::npos) << header;
    EXPECT_FALSE(header.empty());
    const std::string camera = errorOf("camera:97");
    EXPECT_NE(camera.find("camera 97"), std::string::npos) << camera;
}

TEST(VideoSource, AnUnknownCodecIsRefused) {
    // vtest.avi with its codec tag ("div3", in the stream header and the format) made unknown.
    vp::test::ScratchDir dir;
    std::ifstream in(kVtest, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    int replaced = 0;
    for (size_t at = bytes.find("div3"); at != std::string::npos && at < 4096; at = bytes.find("div3", at + 4)) {
        bytes.replace(at, 4, "zzzz");
        ++replaced;
    }
    ASSERT_EQ(replaced, 2);
    std::ofstream(dir.file("unknown_codec.avi"), std::ios::binary) << bytes;
    const std::string e = errorOf(dir.file("unknown_codec.avi"));
    EXPECT_NE(e.find("unknown_codec.avi"), std::string::npos) << e;
    EXPECT_TRUE(e.find("codec") != std::string::npos || e.find("not a video") != std::string::npos) << e;
}

TEST(VideoSource, TruncatedFileStopsCleanlyAndSaysSo) {
    vp::test::ScratchDir dir;
    copyPrefix(kVtest, dir.file("half.avi"), 0.5);
    vp::VideoSource s(dir.file("half.avi"));
    cv::Mat f;
    int64_t n = 0;
    while (s.read(f)) ++n;
    EXPECT_GT(n, 100);
    EXPECT_LT(n, s.info().frameCount);
    EXPECT_TRUE(s.truncated());
    EXPECT_FALSE(s.read(f));  // the end stays the end
}

TEST(FrameMailbox, NewestWinsAndReplacedItemsAreCounted) {
    vp::Mailbox<int> box;
    EXPECT_FALSE(box.tryTake().has_value());
    box.put(1);
    box.put(2);
    box.put(3);
    EXPECT_EQ(box.dropped(), 2);
    EXPECT_EQ(box.tryTake().value(), 3);
    EXPECT_FALSE(box.tryTake().has_value());
    std::thread producer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        box.put(4);
    });
    EXPECT_EQ(box.take(std::chrono::seconds(5)).value(), 4);
    producer.join();
    box.close();
    EXPECT_FALSE(box.take(std::chrono::seconds(5)).has_value());  // closed: returns at once
}

TEST(VideoDecoder, StepsSeeksAndPlaysToTheEndWithoutLooping) {
    vp::test::ScratchDir dir;
    copyPrefix(kVtest, dir.file("short.avi"), 0.05);  // a few dozen frames
    vp::VideoDecoder decoder(std::make_unique<vp::VideoSource>(dir.file("short.avi")));
    decoder.step();
    auto f = decoder.frames().take(std::chrono::seconds(5));
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->index, 0);
    EXPECT_TRUE(f->streamStart);  // the first frame starts a stream
    decoder.step();
    f = decoder.frames().take(std::chrono::seconds(5));
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->index, 1);
    EXPECT_FALSE(f->streamStart);
    decoder.seek(10);
    f = decoder.frames().take(std::chrono::seconds(5));
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->index, 10);
    EXPECT_TRUE(f->streamStart);  // after a jump, the previous frame is not its predecessor
    decoder.setSpeed(16);
    decoder.play();
    int64_t last = 10;
    for (int i = 0; i < 2000 && !decoder.ended(); ++i)
        if (auto g = decoder.frames().take(std::chrono::milliseconds(10))) {
            EXPECT_GT(g->index, last);  // frames come in order, some possibly dropped
            last = g->index;
        }
    EXPECT_TRUE(decoder.ended());
    EXPECT_FALSE(decoder.playing());
    EXPECT_GT(last, 20);
}

TEST(VideoDecoder, LoopingBackToTheStartStartsANewStream) {
    vp::test::ScratchDir dir;
    copyPrefix(kVtest, dir.file("short.avi"), 0.02);
    vp::VideoDecoder decoder(std::make_unique<vp::VideoSource>(dir.file("short.avi")));
    decoder.setLoop(true);
    decoder.setSpeed(16);
    decoder.play();
    int64_t last = -1;
    bool wrapped = false;
    for (int i = 0; i < 4000 && !wrapped; ++i)
        if (auto g = decoder.frames().take(std::chrono::milliseconds(10))) {
            if (last >= 0 && g->index < last) {
                wrapped = true;
                EXPECT_TRUE(g->streamStart) << "frame " << g->index << " after " << last;
            } else if (last >= 0) {
                EXPECT_FALSE(g->streamStart) << g->index;
            }
            last = g->index;
        }
    EXPECT_TRUE(wrapped);
    decoder.pause();
}
