#include "argparser.h"

using namespace Qt::Literals::StringLiterals;

namespace koker::cli {

void ArgParser::addFlag(QChar shortName, const QString &longName, const QString &help)
{
    m_specs.append({shortName, longName, {}, help});
}

void ArgParser::addOption(QChar shortName, const QString &longName, const QString &valueName,
                          const QString &help)
{
    m_specs.append({shortName, longName, valueName, help});
}

const ArgParser::Spec *ArgParser::findLong(const QString &name) const
{
    for (const Spec &s : m_specs) {
        if (s.longName == name)
            return &s;
    }
    return nullptr;
}

const ArgParser::Spec *ArgParser::findShort(QChar name) const
{
    for (const Spec &s : m_specs) {
        if (!s.shortName.isNull() && s.shortName == name)
            return &s;
    }
    return nullptr;
}

bool ArgParser::parse(const QStringList &args)
{
    bool flagsDone = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (flagsDone || arg == u"-"_s || !arg.startsWith(u'-')) {
            m_positional << arg;
            if (m_stopAtPositional)
                flagsDone = true;
            continue;
        }
        if (arg == u"--"_s) {
            flagsDone = true;
            continue;
        }
        if (arg == u"--help"_s) {
            m_help = true;
            continue;
        }
        if (arg.startsWith(u"--"_s)) {
            QString name = arg.mid(2);
            QString value;
            bool hasValue = false;
            if (qsizetype eq = name.indexOf(u'='); eq >= 0) {
                value = name.mid(eq + 1);
                name.truncate(eq);
                hasValue = true;
            }
            const Spec *spec = findLong(name);
            if (!spec) {
                m_error = u"unknown flag: --"_s + name;
                return false;
            }
            if (spec->valueName.isEmpty()) {
                if (hasValue && value != u"true"_s && value != u"false"_s) {
                    m_error = u"flag --"_s + name + u" takes no value"_s;
                    return false;
                }
                if (!hasValue || value == u"true"_s)
                    m_values[spec->longName] << u"true"_s;
                else
                    m_values.remove(spec->longName);
                continue;
            }
            if (!hasValue) {
                if (i + 1 >= args.size()) {
                    m_error = u"flag needs an argument: --"_s + name;
                    return false;
                }
                value = args[++i];
            }
            m_values[spec->longName] << value;
            continue;
        }
        // Short flags, possibly grouped: -it, -e KEY=V, -eKEY=V
        for (qsizetype j = 1; j < arg.size(); ++j) {
            const Spec *spec = findShort(arg[j]);
            if (!spec) {
                if (arg[j] == u'h' && !findLong(u"hostname"_s)) {
                    m_help = true;
                    continue;
                }
                m_error = u"unknown shorthand flag: '"_s + arg[j] + u"' in "_s + arg;
                return false;
            }
            // pflag: "-f=value" gives the value after '=' ("-e=A=1", "-m=10m", "-d=false").
            if (j + 2 < arg.size() && arg[j + 1] == u'=') {
                const QString value = arg.mid(j + 2);
                const bool boolean = spec->valueName.isEmpty();
                if (boolean && value != u"true"_s && value != u"false"_s) {
                    m_error = u"flag -"_s + arg[j] + u" takes no value"_s;
                    return false;
                }
                if (boolean && value == u"false"_s)
                    m_values.remove(spec->longName);
                else
                    m_values[spec->longName] << value;
                break;
            }
            if (spec->valueName.isEmpty()) {
                m_values[spec->longName] << u"true"_s;
                continue;
            }
            QString value = arg.mid(j + 1);
            if (value.isEmpty()) {
                if (i + 1 >= args.size()) {
                    m_error = u"flag needs an argument: '"_s + arg[j] + u"' in "_s + arg;
                    return false;
                }
                value = args[++i];
            }
            m_values[spec->longName] << value;
            break;
        }
    }
    return true;
}

QString ArgParser::value(const QString &longName, const QString &fallback) const
{
    const QStringList v = m_values.value(longName);
    return v.isEmpty() ? fallback : v.last();
}

QString ArgParser::helpText() const
{
    QString text = u"Options:\n"_s;
    for (const Spec &s : m_specs) {
        QString left = s.shortName.isNull() ? u"      "_s : u"  -"_s + s.shortName + u", "_s;
        left += u"--"_s + s.longName;
        if (!s.valueName.isEmpty())
            left += u' ' + s.valueName;
        text += left.leftJustified(30) + u' ' + s.help + u'\n';
    }
    text += u"      --help"_s.leftJustified(30) + u" Print this help\n"_s;
    return text;
}

} // namespace koker::cli
