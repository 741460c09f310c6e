// vitprune-studio: the ViT Prune Studio window (see docs/architecture.md, GUI).

#include <QApplication>
#include <QCoreApplication>
#include <algorithm>
#include <clocale>
#include <cstdio>

#include "common/runtime_setup.h"
#include "main_window.h"
#include "studio_environment.h"
#include "screenshot.h"
#include "studio_options.h"
#include "translations.h"

namespace {

void nameApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("ViTPruneStudio"));
    QCoreApplication::setApplicationName(QStringLiteral("vitprune-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VITPRUNE_VERSION));
}

}  // namespace

int main(int argc, char** argv) {
    vp::ensureStartupEnvironment(argv, vp::studioEnvironment());
    // The options are read before any window system is touched: --help, --version and bad
    // options answer without a display.
    vp::ParsedOptions parsed;
    {
        QCoreApplication console(argc, argv);
        nameApplication();
        parsed = vp::parseStudioOptions(QCoreApplication::arguments());
    }
    if (parsed.exitCode >= 0) {
        std::fprintf(parsed.exitCode == 0 ? stdout : stderr, "%s%s\n",
                     parsed.exitCode == 0 ? "" : "vitprune-studio: ", qPrintable(parsed.message));
        return parsed.exitCode;
    }

    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("ViT Prune Studio"));
    // Qt sets the user's locale; the core parses knob values and JSON with the C library, which
    // must keep reading "0.5" as a number in every locale.
    std::setlocale(LC_NUMERIC, "C");
    vp::useStudioThreads();  // one core stays free for the UI
    vp::keepFreedMemoryForReuse();

    // VITPRUNE_LANG overrides the saved language (docs screenshots, tests).
    vp::installTranslations(app, qEnvironmentVariable("VITPRUNE_LANG"));
    const vp::StudioOptions& options = parsed.options;

    vp::MainWindow window(options);
    if (options.unattended()) new vp::ScreenshotController(&window, options.screenshot, options.quitAfterScreenshot);
    window.show();
    return QApplication::exec();
}
