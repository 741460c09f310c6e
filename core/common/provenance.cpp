#include "common/provenance.h"

#include <ATen/Parallel.h>
#include <torch/version.h>
#include <unistd.h>

#include <ctime>

#include "common/json_text.h"

namespace vp {

nlohmann::json provenanceJson(const std::string& device) {
    char created[32] = {0};
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", &utc);
    nlohmann::json j{{"app", std::string("vitprune ") + VITPRUNE_VERSION},
                     {"libtorch", TORCH_VERSION},
                     {"device", device},
                     {"threads", at::get_num_threads()},
                     {"created", created}};
    char host[256] = {0};
    if (::gethostname(host, sizeof host - 1) == 0 && host[0]) j["host"] = validUtf8(host);
    return j;
}

std::string provenanceText(const std::string& device) { return jsonText(provenanceJson(device)); }

}  // namespace vp
