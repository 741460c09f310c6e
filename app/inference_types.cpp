#include "inference_types.h"

#include <ATen/Context.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vp {

QString ModelInfo::label(int index) const {
    if (index >= 0 && index < labels.size() && !labels[index].isEmpty()) return labels[index];
    return QStringLiteral("class %1").arg(index);
}

std::vector<RankedClass> topClasses(const std::vector<float>& logits, int k) {
    if (logits.empty()) return {};
    const double maxLogit = *std::max_element(logits.begin(), logits.end());
    std::vector<double> p(logits.size());
    double sum = 0;
    for (size_t i = 0; i < logits.size(); ++i) sum += p[i] = std::exp(logits[i] - maxLogit);
    std::vector<int> order(logits.size());
    std::iota(order.begin(), order.end(), 0);
    k = std::min<int>(k, static_cast<int>(order.size()));
    std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](int a, int b) { return p[a] > p[b]; });
    std::vector<RankedClass> out;
    for (int i = 0; i < k; ++i) out.push_back({order[i], p[order[i]] / sum});
    return out;
}

QStringList availableDevices() {
    QStringList devices{QStringLiteral("cpu")};
    if (at::hasCUDA()) devices << QStringLiteral("cuda");
    return devices;
}

QStringList allComputeChoices() {
    return {QStringLiteral("cpu"), QStringLiteral("cpu/bfloat16"), QStringLiteral("cuda"), QStringLiteral("cuda/bfloat16"),
            QStringLiteral("cuda/float16")};
}

QStringList availableComputeChoices() {
    QStringList choices = allComputeChoices();
    if (!at::hasCUDA()) choices.removeIf([](const QString& c) { return c.startsWith(QStringLiteral("cuda")); });
    return choices;
}

QString computeChoiceLabel(const QString& choice) {
    const QStringList parts = choice.split(QLatin1Char('/'));
    return parts.size() > 1 ? parts[0].toUpper() + QStringLiteral(" · ") + parts[1] : parts[0].toUpper();
}

void registerStudioMetaTypes() {
    qRegisterMetaType<vp::ModelInfo>();
    qRegisterMetaType<vp::ImageInfo>();
    qRegisterMetaType<vp::StudioResult>();
    qRegisterMetaType<vp::StudioFailure>();
}

}  // namespace vp
