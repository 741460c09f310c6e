#pragma once
// What the studio's window has asked the inference worker for, and what the worker confirmed:
// plain data, so the window's pages and menus share one copy.
#include <QString>

#include "inference_types.h"

namespace vp {

struct StudioSession {
    QString modelSpec, imagePath;              // asked for ("" model = the default)
    QString videoPath;                         // the video page's file or camera:N ("" = none)
    QString loadedModelSpec, loadedImagePath;  // confirmed by the worker
    bool hasModel = false;
    ModelInfo info;
    ImageInfo image;
    quint64 generation = 0;        // the newest request submitted
    quint64 shownGeneration = 0;   // the result on screen
    quint64 budgetGeneration = 0;  // the latest request that asked for a GMACs budget
};

}  // namespace vp
