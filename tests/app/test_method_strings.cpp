// The built-in methods' texts the studio shows (name, one-line help, knob labels and knob help;
// not the paper citation) are all listed in app/method_strings.cpp, so a new method or a changed
// text without an entry fails here, and each has a finished translation in every i18n/*.ts file.
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>
#include <set>

#include "method_strings.h"
#include "prune/registry.h"

namespace {

const QStringList kLanguages{QStringLiteral("ru"), QStringLiteral("zh_CN"), QStringLiteral("ja")};

// Spec texts with where they come from ("evit: knob keep label").
std::vector<std::pair<std::string, std::string>> specTexts() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const vp::MethodSpec& s : vp::builtinRegistry().specs()) {
        out.push_back({s.name, s.id + ": name"});
        out.push_back({s.help, s.id + ": help"});
        for (const vp::Knob& k : s.knobs) {
            out.push_back({k.label, s.id + ": knob " + k.id + " label"});
            out.push_back({k.help, s.id + ": knob " + k.id + " help"});
        }
    }
    return out;
}

struct TsEntry {
    QString type;         // "", "unfinished", "vanished", "obsolete"
    QString translation;
};

// source → translation of the messages in context vp::Methods; error set when the file is unreadable.
QHash<QString, TsEntry> readMethodContext(const QString& path, QString& error) {
    QHash<QString, TsEntry> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot open %1").arg(path);
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context, source;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message")) inMessage = false;
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("name") && !inMessage) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            inMessage = true;
            source.clear();
        } else if (inMessage && name == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (inMessage && name == QLatin1String("translation") && context == QLatin1String(vp::kMethodStringsContext)) {
            TsEntry e;
            e.type = xml.attributes().value(QLatin1String("type")).toString();
            e.translation = xml.readElementText();
            out.insert(source, e);
        }
    }
    if (xml.hasError()) error = QStringLiteral("%1: %2").arg(path, xml.errorString());
    return out;
}

}  // namespace

class TestMethodStrings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everySpecTextInTheTable() {
        const auto& table = vp::methodSpecStrings();
        const std::set<std::string> listed(table.begin(), table.end());
        QStringList missing;
        int checked = 0;
        for (const auto& [text, where] : specTexts()) {
            if (text.empty()) continue;
            ++checked;
            if (!listed.count(text))
                missing << QString::fromStdString(where + ": \"" + text + "\"");
        }
        QVERIFY(checked >= 40);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not in app/method_strings.cpp:\n") + missing.join(QLatin1Char('\n'))));
    }

    // No stale entries: each table text is still some spec's text (papers are never listed).
    void noStaleTableEntries() {
        std::set<std::string> used, papers;
        for (const auto& [text, where] : specTexts()) used.insert(text);
        for (const vp::MethodSpec& s : vp::builtinRegistry().specs()) papers.insert(s.paper);
        QStringList stale;
        for (const std::string& t : vp::methodSpecStrings()) {
            if (papers.count(t)) stale << QString::fromStdString("a paper citation: " + t);
            else if (!used.count(t)) stale << QString::fromStdString(t);
        }
        QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("\n") + stale.join(QLatin1Char('\n'))));
    }

    void translatedInEveryLanguage_data() {
        QTest::addColumn<QString>("lang");
        for (const QString& l : kLanguages) QTest::newRow(qPrintable(l)) << l;
    }

    void translatedInEveryLanguage() {
        QFETCH(QString, lang);
        QString error;
        const auto ts = readMethodContext(QStringLiteral(VP_SOURCE_DIR "/i18n/vitprune_%1.ts").arg(lang), error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList problems;
        for (const std::string& t : vp::methodSpecStrings()) {
            const QString source = QString::fromStdString(t);
            const auto it = ts.constFind(source);
            if (it == ts.constEnd()) problems << QStringLiteral("not in the .ts (run lupdate): ") + source;
            else if (!it->type.isEmpty()) problems << QStringLiteral("%1: ").arg(it->type) + source;
            else if (it->translation.trimmed().isEmpty()) problems << QStringLiteral("empty: ") + source;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(lang + QStringLiteral(":\n") + problems.join(QLatin1Char('\n'))));
    }

    // translatedSpecText goes through the installed translator, in the table's context.
    void translatedSpecTextUsesTheTranslator() {
        QCOMPARE(vp::translatedSpecText("Keep rate"), QStringLiteral("Keep rate"));  // no translator: English
        QCOMPARE(vp::translatedSpecText(""), QString());
        QCOMPARE(vp::translatedSpecText("not a spec text"), QStringLiteral("not a spec text"));
    }
};

QTEST_GUILESS_MAIN(TestMethodStrings)
#include "test_method_strings.moc"
