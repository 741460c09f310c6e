// Precompiled header shared by the LibTorch targets (core, io, cli, tests). Heavy, stable headers only.
#pragma once
#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
