#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace vp {

std::vector<std::pair<QString, QString>> availableLanguages() {
    return {{QString(), QCoreApplication::translate("vp::Translations", "System language")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("ru"), QStringLiteral("Русский")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
            {QStringLiteral("ja"), QStringLiteral("日本語")}};
}

QString savedLanguage() { return QSettings().value(QStringLiteral("ui/language")).toString(); }

void saveLanguage(const QString& code) { QSettings().setValue(QStringLiteral("ui/language"), code); }

QString installTranslations(QCoreApplication& app, const QString& code) {
    QString wanted = code.isEmpty() ? savedLanguage() : code;
    if (wanted.isEmpty()) wanted = QLocale::system().name();  // e.g. "ru_RU", "zh_CN", "ja_JP"
    QString chosen;
    for (const auto& [c, name] : availableLanguages())
        if (!c.isEmpty() && c != QStringLiteral("en") &&
            (wanted == c || wanted.startsWith(c + QLatin1Char('_')) || (c.startsWith(wanted) && wanted.size() >= 2)))
            chosen = c;
    if (chosen.isEmpty()) return QStringLiteral("en");
    auto* ours = new QTranslator(&app);
    if (!ours->load(QStringLiteral(":/translations/vitprune_%1.qm").arg(chosen))) {
        delete ours;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(ours);
    // Qt's own strings (dialog buttons) when Debian's qt6-translations-l10n is installed.
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(chosen), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return chosen;
}

}  // namespace vp
