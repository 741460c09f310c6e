#pragma once
// The studio's languages (Qt Linguist files in translations/, compiled into the binary): English plus
// Russian, Simplified Chinese and Japanese. The choice is kept in QSettings ("ui/language");
// empty means the system's language when one of these, else English.
#include <QString>
#include <utility>
#include <vector>

class QCoreApplication;

namespace vp {

// (code, name in that language); code "" = follow the system.
std::vector<std::pair<QString, QString>> availableLanguages();
QString savedLanguage();
void saveLanguage(const QString& code);
// Installs the translators for `code` (or the saved/system language when empty) on the app.
// Returns the language actually used ("en" when no translation applies).
QString installTranslations(QCoreApplication& app, const QString& code = {});

}  // namespace vp
