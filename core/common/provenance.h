#pragma once
// Where a data export came from, written as "provenance" into every JSON result (predict, eval,
// sweep, bench, video, keep masks): program and LibTorch versions, device, thread count, time.
// CSV files carry none (a leading comment line breaks common CSV readers).
#include <nlohmann/json.hpp>

#include <string>

namespace vp {

// {"app": "vitprune 0.x", "libtorch": "1.13.0", "device": device, "threads": at::get_num_threads(),
//  "created": "2024-05-01T12:34:56Z" (UTC), "host": hostname (left out when unknown)}.
nlohmann::json provenanceJson(const std::string& device = "cpu");

// The same object as compact JSON text (for callers without nlohmann, e.g. the studio).
std::string provenanceText(const std::string& device = "cpu");

}  // namespace vp
