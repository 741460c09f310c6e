#pragma once
// What crosses between the UI thread and the VideoWorker: plain, Torch-free values.
#include <QImage>
#include <QMetaType>
#include <QString>
#include <cstdint>
#include <map>
#include <string>

#include "prune/token_trace.h"

namespace vp {

// The video the worker opened.
struct VideoOpened {
    quint64 session = 0;
    QString origin;  // path or "camera N"
    bool camera = false;
    int width = 0, height = 0;
    double fps = 0;
    qint64 frameCount = -1;  // -1: unknown
    QString codec;
};

// One processed frame, everything the page shows of it.
struct VideoFrameView {
    quint64 session = 0;
    qint64 index = 0;
    QImage display;  // the S×S crop the model sees (RGB888)
    TokenTrace trace;
    QString methodId;
    std::map<std::string, std::string> knobs;
    double gmacs = 0, denseGmacs = 0, ms = 0, denseMs = 0;
    int top1 = -1, denseTop1 = -1;
    float top1Prob = 0;
    QString top1Label, denseLabel;
    bool agrees() const { return top1 == denseTop1; }
    // Decoding: frames the decoder replaced before the worker took them, and the newest frame
    // decoded when this one was shown (the page measures how far behind it is).
    qint64 dropped = 0;
    qint64 newestDecoded = 0;
    // The first frame after the method was (re)configured: it waited for the set-up and warm-up,
    // so it says nothing about keeping up with playback.
    bool afterSetup = false;
};

}  // namespace vp

Q_DECLARE_METATYPE(vp::VideoOpened)
Q_DECLARE_METATYPE(vp::VideoFrameView)
