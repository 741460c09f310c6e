// The Qt Linguist files in translations/: every message of every language is translated and finished, keeps the
// source's placeholders (%1..%99, %L1, %n), HTML tags, '&' accelerator and line breaks, is written in
// the language's script, and differs from the English source unless that is only symbols, numbers
// and untranslatable names. All three files hold the same messages (lupdate was run for each).
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message {
    QString context;
    QString source;
    bool numerus = false;
    QString type;       // <translation type="...">: "", "unfinished", "vanished", "obsolete"
    QStringList forms;  // the translation, or its numerus forms
    qint64 line = 0;
};

struct TsFile {
    QString language;
    QList<Message> messages;
    QString error;
};

TsFile readTs(const QString& path) {
    TsFile ts;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open %1: %2").arg(path, f.errorString());
        return ts;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message* msg = nullptr;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("message")) msg = nullptr;
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name") && !msg) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            Message m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            m.line = xml.lineNumber();
            ts.messages.append(m);
            msg = &ts.messages.last();
        } else if (msg && name == QLatin1String("source")) {
            msg->source = xml.readElementText();
        } else if (msg && name == QLatin1String("translation")) {
            msg->type = xml.attributes().value(QLatin1String("type")).toString();
            if (!msg->numerus) msg->forms = {xml.readElementText(QXmlStreamReader::IncludeChildElements)};
        } else if (msg && name == QLatin1String("numerusform")) {
            msg->forms.append(xml.readElementText());
        }
    }
    if (xml.hasError()) ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

QString tsPath(const QString& lang) { return QStringLiteral(VP_SOURCE_DIR "/translations/vitprune_%1.ts").arg(lang); }

// The placeholders QString::arg and tr(..., n) substitute, as a sorted multiset.
QStringList placeholders(const QString& s) {
    static const QRegularExpression re(QStringLiteral("%(?:L?[0-9]{1,2}|n)"));
    QStringList out;
    for (auto it = re.globalMatch(s); it.hasNext();) out << it.next().captured();
    out.sort();
    out.removeDuplicates();  // "%4×%4" may be written once in a translation
    return out;
}

QStringList htmlTags(const QString& s) {
    static const QRegularExpression re(QStringLiteral("</?[A-Za-z][A-Za-z0-9]*\\s*/?>"));
    QStringList out;
    for (auto it = re.globalMatch(s); it.hasNext();) out << it.next().captured().toLower().remove(QLatin1Char(' '));
    out.sort();
    return out;
}

// Single '&' marking a shortcut letter ("&&" is a literal ampersand).
int accelerators(const QString& s) {
    QString t = s;
    t.remove(QStringLiteral("&&"));
    static const QRegularExpression re(QStringLiteral("&(?=\\S)"));
    return int(t.count(re));
}

// Names that stay as they are in every language. A source whose words are all in this list (after
// its placeholders are taken out) may be "translated" to itself, e.g. "L%1", "%1 GMACs (%2%)", "RGB".
const QSet<QString>& untranslatableWords() {
    static const QSet<QString> words{
        QStringLiteral("GMACs"), QStringLiteral("RGB"), QStringLiteral("L"), QStringLiteral("ms"),
        QStringLiteral("ViT"), QStringLiteral("CPU"), QStringLiteral("GPU"), QStringLiteral("CUDA"),
        QStringLiteral("PNG"), QStringLiteral("SVG"), QStringLiteral("PDF"), QStringLiteral("CSV"),
        QStringLiteral("JSON"),
        // Method names that are proper names (marked with VP_TEXT in core/methods).
        QStringLiteral("EViT"), QStringLiteral("Evo"), QStringLiteral("ToMe"), QStringLiteral("LTP"),
        QStringLiteral("DynamicViT"), QStringLiteral("IA"), QStringLiteral("RED"), QStringLiteral("A"),
        QStringLiteral("S"), QStringLiteral("ViTE"),
        // hMHSA + cFFN: the two block designs' names in their paper.
        QStringLiteral("hMHSA"), QStringLiteral("cFFN")};
    return words;
}

bool mayStayEnglish(const QString& source) {
    QString s = source;
    s.remove(QRegularExpression(QStringLiteral("%(?:L?[0-9]{1,2}|n)")));
    s.remove(QRegularExpression(QStringLiteral("</?[A-Za-z][A-Za-z0-9]*\\s*/?>")));
    static const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z0-9]*"));
    for (auto it = word.globalMatch(s); it.hasNext();)
        if (!untranslatableWords().contains(it.next().captured())) return false;
    return true;
}

bool hasCyrillic(const QString& s) {
    for (QChar c : s)
        if (c.unicode() >= 0x0400 && c.unicode() <= 0x04FF) return true;
    return false;
}
bool hasKana(const QString& s) {
    for (QChar c : s)
        if (c.unicode() >= 0x3040 && c.unicode() <= 0x30FF) return true;
    return false;
}
bool hasHan(const QString& s) {
    for (QChar c : s)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF) return true;
    return false;
}

const QStringList kLanguages{QStringLiteral("ru"), QStringLiteral("zh_CN"), QStringLiteral("ja")};

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyMessageTranslated_data() {
        QTest::addColumn<QString>("lang");
        for (const QString& l : kLanguages) QTest::newRow(qPrintable(l)) << l;
    }

    void everyMessageTranslated() {
        QFETCH(QString, lang);
        const TsFile ts = readTs(tsPath(lang));
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QCOMPARE(ts.language, lang);
        QVERIFY2(ts.messages.size() > 100, qPrintable(QStringLiteral("only %1 messages").arg(ts.messages.size())));

        const int pluralForms = lang == QLatin1String("ru") ? 3 : 1;
        QStringList problems;
        int checked = 0;
        for (const Message& m : ts.messages) {
            if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete")) continue;
            ++checked;
            const QString where = QStringLiteral("%1:%2 [%3] \"%4\": ").arg(lang).arg(m.line).arg(m.context, m.source);
            if (m.type == QLatin1String("unfinished")) problems << where + QStringLiteral("marked unfinished");
            if (m.numerus && m.forms.size() != pluralForms)
                problems << where +
                                QStringLiteral("%1 numerus forms, expected %2").arg(m.forms.size()).arg(pluralForms);
            for (const QString& t : m.forms) {
                if (t.trimmed().isEmpty()) {
                    problems << where + QStringLiteral("empty translation");
                    continue;
                }
                const QString w = where + QStringLiteral("\"%1\": ").arg(t);
                if (placeholders(t) != placeholders(m.source))
                    problems << w + QStringLiteral("placeholders %1, source has %2")
                                        .arg(placeholders(t).join(QLatin1Char(' ')),
                                             placeholders(m.source).join(QLatin1Char(' ')));
                if (htmlTags(t) != htmlTags(m.source))
                    problems << w + QStringLiteral("HTML tags %1, source has %2")
                                        .arg(htmlTags(t).join(QLatin1Char(' ')),
                                             htmlTags(m.source).join(QLatin1Char(' ')));
                if (accelerators(t) != accelerators(m.source))
                    problems << w + QStringLiteral("%1 '&' accelerator(s), source has %2")
                                        .arg(accelerators(t))
                                        .arg(accelerators(m.source));
                if (t.count(QLatin1Char('\n')) != m.source.count(QLatin1Char('\n')))
                    problems << w + QStringLiteral("line breaks differ from the source");
                if (mayStayEnglish(m.source)) continue;
                if (t == m.source) {
                    problems << w + QStringLiteral("same as the English source");
                    continue;
                }
                if (lang == QLatin1String("ru") && !hasCyrillic(t)) problems << w + QStringLiteral("no Cyrillic");
                if (lang == QLatin1String("zh_CN") && (!hasHan(t) || hasKana(t)))
                    problems << w + QStringLiteral("not Simplified Chinese (needs Han, no kana)");
                if (lang == QLatin1String("ja") && !hasKana(t) && !hasHan(t))
                    problems << w + QStringLiteral("no kana or kanji");
            }
        }
        QVERIFY(checked > 0);
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("\n") + problems.join(QLatin1Char('\n'))));
    }

    // lupdate run for every language: the three files list the same (context, source) pairs.
    void sameMessagesInEveryLanguage() {
        QSet<QString> reference;
        for (const QString& lang : kLanguages) {
            const TsFile ts = readTs(tsPath(lang));
            QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
            QSet<QString> keys;
            for (const Message& m : ts.messages)
                if (m.type != QLatin1String("vanished") && m.type != QLatin1String("obsolete"))
                    keys.insert(m.context + QLatin1Char('\x1f') + m.source);
            if (lang == kLanguages.first()) {
                reference = keys;
                continue;
            }
            QStringList onlyHere, missingHere;
            for (const QString& k : keys)
                if (!reference.contains(k)) onlyHere << k.section(QLatin1Char('\x1f'), 1);
            for (const QString& k : reference)
                if (!keys.contains(k)) missingHere << k.section(QLatin1Char('\x1f'), 1);
            QVERIFY2(onlyHere.isEmpty() && missingHere.isEmpty(),
                     qPrintable(QStringLiteral("%1 vs %2: only in %1: [%3]; missing in %1: [%4]")
                                    .arg(lang, kLanguages.first(), onlyHere.join(QStringLiteral("; ")),
                                         missingHere.join(QStringLiteral("; ")))));
        }
    }

    // The checks themselves, on made-up pairs, so a broken regex cannot pass everything silently.
    void checkerSelfTest() {
        QCOMPARE(placeholders(QStringLiteral("%1 of %L2, %n point(s) %4×%4 (%3%)")),
                 (QStringList{QStringLiteral("%1"), QStringLiteral("%3"), QStringLiteral("%4"), QStringLiteral("%L2"),
                              QStringLiteral("%n")}));
        QVERIFY(placeholders(QStringLiteral("%1 and %2")) != placeholders(QStringLiteral("%1 и %1")));
        QCOMPARE(htmlTags(QStringLiteral("<b>x</b> y<br>z")),
                 (QStringList{QStringLiteral("</b>"), QStringLiteral("<b>"), QStringLiteral("<br>")}));
        QCOMPARE(accelerators(QStringLiteral("Open &model…")), 1);
        QCOMPARE(accelerators(QStringLiteral("文件(&F)")), 1);
        QCOMPARE(accelerators(QStringLiteral("A && B")), 0);
        QVERIFY(mayStayEnglish(QStringLiteral("L%1 · %2")));
        QVERIFY(mayStayEnglish(QStringLiteral("%1 GMACs (%2%)")));
        QVERIFY(mayStayEnglish(QStringLiteral("→ ≤ %1")));
        QVERIFY(!mayStayEnglish(QStringLiteral("block %1")));
        QVERIFY(!mayStayEnglish(QStringLiteral("GMACs per image")));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
