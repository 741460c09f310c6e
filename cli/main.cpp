// vitprune: the command-line face of ViT Prune Studio (see docs/architecture.md, CLI).

#include <filesystem>
#include <iostream>
#include <new>

#include "common/runtime_setup.h"
#include "io/startup_environment.h"
#include "cli_common.h"
#include "common/error.h"
#include "prune/method_setup.h"

namespace {

const std::string kUsage =
    "usage: vitprune COMMAND ...\n"
    "  methods [--json]                                  registered methods and their knobs\n"
    "  info MODEL [--json]                               config, parameters, dense GMACs\n"
    "  flops MODEL [--method ID] [--set K=V]... [--json] GMACs of a setting\n"
    "  predict MODEL IMAGE... [--method ID] [--set K=V]... [--budget G] [--device cpu|cuda] [--json]\n"
    "          [--masks-out FILE.json]                   per-block keep masks (one IMAGE)\n"
    "  export-overlay MODEL IMAGE [--method ID] [--set K=V]... [--layers 0,3,6,9|all] [--scale N]\n"
    "          [--out FIG.png|.jpg] [--masks-out FILE.json]   figure of the patch fates per block (0-based)\n"
    "  eval MODEL DATA [--method ID] [--set K=V]... [--budget G] [--limit N] [--batch B] [--device D] [--json]\n"
    "       [--per-image [--histogram-bins N]] [--per-image-csv FILE]   GMACs and kept tokens of every image\n"
    "  bench MODEL [--method ID] [--set K=V]... [--budget G] [--batch B] [--iters N] [--threads T] [--device D] "
    "[--breakdown] [--json]\n"
    "  bench MODEL --batches 1,8,32 [--methods ID,...] [--budgets 0.85,0.7,0.5] [--iters N] [--iters-large N]\n"
    "        [--out FILE.json] [--markdown FILE.md] [--json]   efficiency table (speed-up / GMACs speed-up)\n"
    "  sweep MODEL DATA --methods ID[,ID...] --out FILE [--calib DATA] [--points N] [--limit N] [--batch B] [--shard "
    "K/N|auto] "
    "[--threads T] [--json]\n"
    "  merge PART... --out FILE [--json]                 combine the shards of one sweep\n"
    "  video MODEL VIDEO|camera:N [--method ID] [--set K=V]... [--limit-frames N] [--threads T] [--out FILE.json|.csv] "
    "[--json]\n"
    "        [--overlay-out FILE.avi [--layer L] [--scale S]]   the video with each frame's patch fates\n"
    "        per frame: GMACs, ms, top-1 and agreement with dense (video methods: eventful)\n"
    "  prune MODEL --method ID [--set K=V]... [--budget G] --out DIR [--json]   structural methods: save the\n"
    "        physically smaller model (model.safetensors + config.json with per-block widths)\n"
    "  train --out DIR [--epochs N] [--batch B] [--lr LR] [--warmup E] [--dim C] [--heads H] [--depth D] [--mlp M] "
    "[--threads T] [--seed S] [--resume]\n"
    "  finetune MODEL --out DIR [--epochs N] [--limit N] [--teacher MODEL|none] [--alpha A] [--temperature T] "
    "[--lr LR] [--resume]\n"
    "        recovery fine-tune of a pruned model on Fashion-MNIST, distilling the dense model's logits\n"
    "  train-method METHOD --out DIR [--model MODEL] [--set K=V]... [--epochs N] [--images N] [--batch B] [--lr LR]\n"
    "        [--seed S] [--eval-images N] [--stop-after N] [--tune-backbone SCALE] [--resume]   train a method's\n"
    "        learned parts (the backbone frozen, or tuned at SCALE x lr and saved with the parts;\n"
    "        dense teacher) into DIR/METHOD.safetensors; load it with --parts FILE or copy it to the model's methods/\n"
    "--parts FILE: a method parts file (from train-method) for predict, eval, bench, sweep, video, info.\n"
    "MODEL: a .safetensors/.pth file, a folder with config.json, a built-in name (fashion-vit-tiny)\n"
    "       or random:ARCH (e.g. random:deit_small_patch16_224).\n"
    "--calib DATA: calibration images for methods that need them (default " +
    std::string(vp::kDefaultCalibrationSource) +
    ").\n"
    "DATA:  fashion-mnist, fashion-mnist:train, a Fashion-MNIST idx folder or a folder of class folders;\n"
    "       eval and sweep refuse a dataset whose class count differs from the model's num_classes.\n";

}  // namespace

int main(int argc, char** argv) {
    using namespace vp::cli;
    vp::ensureStartupEnvironment(argv, vp::imageDecodingEnvironment());
    vp::useAllCoresForTorch();
    vp::keepFreedMemoryForReuse();
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        std::cout << kUsage;
        return argc < 2 ? 2 : 0;
    }
    const std::string cmd = argv[1];
    try {
        const Args args(argc, argv, 2, {"--json", "--help", "--resume", "--per-image", "--breakdown"});
        if (cmd == "methods") return cmdMethods(args);
        if (cmd == "info") return cmdInfo(args);
        if (cmd == "flops") return cmdFlops(args);
        if (cmd == "predict") return cmdPredict(args);
        if (cmd == "eval") return cmdEval(args);
        if (cmd == "bench") return cmdBench(args);
        if (cmd == "train") return cmdTrain(args);
        if (cmd == "prune") return cmdPrune(args);
        if (cmd == "finetune") return cmdFinetune(args);
        if (cmd == "train-method") return cmdTrainMethod(args);
        if (cmd == "sweep") return cmdSweep(args);
        if (cmd == "merge") return cmdMerge(args);
        if (cmd == "video") return cmdVideo(args);
        if (cmd == "export-overlay") return cmdExportOverlay(args);
        std::cerr << "vitprune: unknown command '" << cmd << "'\n" << kUsage;
        return 2;
    } catch (const vp::Error& e) {
        std::cerr << "vitprune " << cmd << ": " << e.what() << "\n";
        return e.exitCode();
    } catch (const c10::Error& e) {
        std::cerr << "vitprune " << cmd << ": internal error: " << e.what_without_backtrace() << "\n";
        return 1;
    } catch (const std::filesystem::filesystem_error& e) {
        // A path the OS refuses (a symlink loop, no permission): the user's input, not a bug.
        std::cerr << "vitprune " << cmd << ": " << e.path1().string() << ": " << e.code().message() << "\n";
        return 2;
    } catch (const std::bad_alloc&) {
        std::cerr << "vitprune " << cmd << ": out of memory\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "vitprune " << cmd << ": internal error: " << e.what() << "\n";
        return 1;
    }
}
