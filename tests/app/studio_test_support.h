// Shared fixtures of the studio window tests: the 4-block torchvision fixture model on a small
// photo, opened unattended (no dialogs, no saved settings), and a wait for the latest result.
#pragma once

#include <QString>
#include <QtTest>

#include "main_window.h"

namespace vp::test {

// 4 blocks, 8x8 patches + CLS.
inline const QString kFixtureModel = QStringLiteral(VP_TEST_DATA "/reference/tv_vit_timm.safetensors");
inline const QString kPhoto = QStringLiteral(VP_TEST_DATA "/images/pil_baboon_bicubic_64.png");

inline StudioOptions unattended(const QString& method, const QString& view = {}) {
    StudioOptions o;
    o.model = kFixtureModel;
    o.image = kPhoto;
    o.method = method;
    o.view = view;
    o.screenshot = QStringLiteral("unused.png");  // a screenshot run shows no dialogs and ignores saved settings
    return o;
}

// Waits until the window shows the result of its latest request.
inline bool settled(MainWindow& w) {
    return QTest::qWaitFor([&] { return w.shownGeneration() == w.lastSubmittedGeneration(); }, 60000);
}

}  // namespace vp::test
