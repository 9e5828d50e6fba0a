#include "units.h"

#include <QtCore/QRegularExpression>

#include <cmath>
#include <csignal>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace koker {

Result<qint64> parseMemorySize(const QString &input)
{
    QString text = input.trimmed().toLower();
    auto invalid = [&]() {
        return fail(ErrorCode::InvalidArgument,
                    "invalid size \"" + input.toStdString() +
                        "\": use a number with an optional unit b, k, m or g (for example 256m)");
    };
    if (text.isEmpty())
        return invalid();
    qsizetype i = 0;
    while (i < text.size() && (text[i].isDigit() || text[i] == u'.'))
        ++i;
    QString number = text.left(i);
    QString unit = text.mid(i);
    bool ok = false;
    double value = number.toDouble(&ok);
    if (!ok || number.isEmpty() || value < 0)
        return invalid();
    double multiplier = 1;
    if (unit.isEmpty() || unit == u"b"_s)
        multiplier = 1;
    else if (unit == u"k"_s || unit == u"kb"_s || unit == u"kib"_s)
        multiplier = 1024.0;
    else if (unit == u"m"_s || unit == u"mb"_s || unit == u"mib"_s)
        multiplier = 1024.0 * 1024;
    else if (unit == u"g"_s || unit == u"gb"_s || unit == u"gib"_s)
        multiplier = 1024.0 * 1024 * 1024;
    else if (unit == u"t"_s || unit == u"tb"_s || unit == u"tib"_s)
        multiplier = 1024.0 * 1024 * 1024 * 1024;
    else
        return invalid();
    double bytes = value * multiplier;
    if (bytes > 9.0e18)
        return fail(ErrorCode::InvalidArgument,
                    "size \"" + input.toStdString() + "\" is too large");
    if (multiplier == 1 && value != std::floor(value))
        return invalid();
    return static_cast<qint64>(bytes);
}

Result<qint64> parseSwapSize(const QString &text)
{
    if (text.trimmed() == u"-1"_s)
        return -1;
    return parseMemorySize(text);
}

Result<qint64> parseCpus(const QString &text)
{
    // Decimals are counted as written, not checked on the double: a tolerance there let
    // "0.0000000001" through as 0, i.e. no limit at all. Exponents count too: 1.5e-2 has 3.
    static const QRegularExpression number(
        u"^([0-9]*)(?:\\.([0-9]*))?(?:[eE]([+-]?[0-9]{1,4}))?\\z"_s);
    const QString trimmed = text.trimmed();
    const QRegularExpressionMatch match = number.match(trimmed);
    bool ok = false;
    double cpus = trimmed.toDouble(&ok);
    if (!match.hasMatch() || (match.capturedLength(1) == 0 && match.capturedLength(2) == 0) ||
        !ok || cpus < 0 || std::isnan(cpus) || cpus > 1e6)
        return fail(ErrorCode::InvalidArgument, "invalid --cpus \"" + text.toStdString() +
                                                    "\": give a number of CPUs such as 0.5 or 2");
    QStringView decimals = match.capturedView(2);
    while (decimals.endsWith(u'0'))
        decimals.chop(1);
    if (decimals.size() - match.capturedView(3).toInt() > 3)
        return fail(ErrorCode::InvalidArgument,
                    "--cpus takes at most three decimals (\"" + text.toStdString() + "\")");
    return static_cast<qint64>(std::llround(cpus * 1e9));
}

int parseSignal(const QString &text)
{
    bool ok = false;
    int n = text.toInt(&ok);
    if (ok)
        return n > 0 && n < NSIG ? n : -1;
    QString name = text.toUpper();
    if (name.startsWith(u"SIG"_s))
        name = name.mid(3);
    for (int sig = 1; sig < NSIG; ++sig) {
        const char *abbrev = sigabbrev_np(sig);
        if (abbrev && name == QLatin1StringView(abbrev))
            return sig;
    }
    return -1;
}

std::string signalName(int signal)
{
    const char *abbrev = signal > 0 && signal < NSIG ? sigabbrev_np(signal) : nullptr;
    return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(signal);
}

QString formatBytesBinary(qint64 bytes)
{
    static const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = static_cast<double>(bytes);
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        ++u;
    }
    QString num = (u == 0 || v == std::floor(v)) ? QString::number(static_cast<qint64>(v))
                                                 : QString::number(v, 'f', 1);
    return num + u' ' + QLatin1StringView(units[u]);
}

} // namespace koker
