#include "spec_text.h"

#include <QCoreApplication>

#include "prune/method_text.h"

namespace vp {

QString specText(const std::string& english) {
    if (english.empty()) return {};
    return QCoreApplication::translate(kMethodTextContext, english.c_str());
}

}  // namespace vp
