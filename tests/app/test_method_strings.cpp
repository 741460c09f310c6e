// The built-in methods' texts the studio shows (name, one-line help, knob labels and knob help;
// not the paper citation) are marked with VP_TEXT in each method's file, so lupdate
// (scripts/update_translations.sh) puts them in every translations/*.ts file: a new method or a
// changed text that is not marked, or not yet translated, fails here. No stale entries either.
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>
#include <set>

#include "prune/method_text.h"
#include "widgets/spec_text.h"
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
        if (!s.requirements.learnedWhat.empty()) out.push_back({s.requirements.learnedWhat, s.id + ": learned parts"});
    }
    return out;
}

struct TsEntry {
    QString type;  // "", "unfinished", "vanished", "obsolete"
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
        } else if (inMessage && name == QLatin1String("translation") &&
                   context == QLatin1String(vp::kMethodTextContext)) {
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
    // Every spec text is some method's: names, help and knob texts of every registered method.
    void everyMethodHasTexts() {
        int checked = 0;
        for (const vp::MethodSpec& s : vp::builtinRegistry().specs()) {
            QVERIFY2(!s.name.empty() && !s.help.empty(), s.id.c_str());
            checked += static_cast<int>(vp::translatableTexts(s).size());
        }
        QVERIFY(checked >= 40);
    }

    // No stale entries: each message of the vp::Methods context is still some spec's text (paper
    // citations are never marked).
    void noStaleEntries() {
        std::set<std::string> used, papers;
        for (const auto& [text, where] : specTexts()) used.insert(text);
        for (const vp::MethodSpec& s : vp::builtinRegistry().specs()) papers.insert(s.paper);
        QString error;
        const auto ts = readMethodContext(QStringLiteral(VP_SOURCE_DIR "/translations/vitprune_ru.ts"), error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(ts.size() >= 40);
        QStringList stale;
        for (auto it = ts.constBegin(); it != ts.constEnd(); ++it) {
            const std::string t = it.key().toStdString();
            if (papers.count(t))
                stale << QString::fromStdString("a paper citation: " + t);
            else if (!used.count(t))
                stale << QString::fromStdString(t);
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
        const auto ts =
            readMethodContext(QStringLiteral(VP_SOURCE_DIR "/translations/vitprune_%1.ts").arg(lang), error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList problems;
        for (const auto& [t, where] : specTexts()) {
            if (t.empty()) continue;
            const QString source = QString::fromStdString(t);
            const auto it = ts.constFind(source);
            if (it == ts.constEnd())
                problems << QString::fromStdString(where) +
                                QStringLiteral(
                                    ": not in the .ts (mark it with VP_TEXT, run scripts/update_translations.sh): ") +
                                source;
            else if (!it->type.isEmpty())
                problems << QStringLiteral("%1: ").arg(it->type) + source;
            else if (it->translation.trimmed().isEmpty())
                problems << QStringLiteral("empty: ") + source;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(lang + QStringLiteral(":\n") + problems.join(QLatin1Char('\n'))));
    }

    // specText goes through the installed translator, in the methods' context.
    void specTextUsesTheTranslator() {
        QCOMPARE(vp::specText("Keep rate"), QStringLiteral("Keep rate"));  // no translator: English
        QCOMPARE(vp::specText(""), QString());
        QCOMPARE(vp::specText("not a spec text"), QStringLiteral("not a spec text"));
    }
};

QTEST_GUILESS_MAIN(TestMethodStrings)
#include "test_method_strings.moc"
