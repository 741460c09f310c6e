#pragma once
// What the studio opens when the user names nothing: the default model (fashion-vit-tiny, or a
// clearly labelled random stand-in until it is installed) and the default image.
#include <string>
#include <vector>

#include "model/vit_model.h"

namespace vp {

inline constexpr const char* kDefaultModelName = "fashion-vit-tiny";

// The Fashion-MNIST-shaped stand-in: 1×28×28, patch 4, dim 64, depth 12, 4 heads, 10 classes
// with the Fashion-MNIST label names, random weights (seed 0).
ViTConfig standInConfig();

struct OpenedModel {
    ViTModel model;
    std::string name;
    bool standIn = false;
};

// spec "" → the default model; anything else goes through loadModel (throws vp::Error). The
// method parts files opened for that spec in this session (File ▸ Open method parts…, or a
// finished Model ▸ Train method parts… run) are loaded onto it.
OpenedModel openStudioModel(const std::string& spec);

// The parts files the session adds to model `spec` (thread-safe: every worker opens models).
void addStudioParts(const std::string& spec, const std::string& partsFile);
std::vector<std::string> studioParts(const std::string& spec);
// Bumped by every addStudioParts: a worker holding a model reloads it when this changed.
int studioPartsRevision();

// First image file of resources/samples/, else an OpenCV sample photo, else "".
std::string defaultImagePath();

}  // namespace vp
