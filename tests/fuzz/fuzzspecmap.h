#pragma once

// The byte format fuzz_dbusspec decodes into the QVariantMap a D-Bus caller would send
// (an a{sv}), and the encoder make_corpus.cpp writes its seeds with. Deterministic; a
// short input reads as zeros past its end, so every input decodes to some map.
//
//   map    := count:u8 (mod 24) entry*
//   entry  := key type:u8 value
//   key    := k:u8 < 0xc0 -> knownKeys()[k % size]  |  k >= 0xc0 -> string (any key)
//   type   := mod 8: 0 b, 1 s, 2 as, 3 x, 4 q, 5 u, 6 i, 7 other
//   b      := u8 (& 1)            x := 8 bytes LE       q := 2 bytes LE
//   u, i   := 4 bytes LE          as := n:u8 (< 0xf0: n % 16, else kHugeCounts) string*
//   string := len:u8 < 0xf0: len bytes of UTF-8 (NULs and control bytes included)
//           | len:u8 >= 0xf0: kHugeLengths[len - 0xf0] copies of fill:u8, then nul:u8:
//             0xff none, else a NUL at nul * length / 255
//   other  := u8 mod 4: 0 a double (8 bytes), 1 a QByteArray (string), 2 an invalid
//             QVariant, 3 a QDBusArgument marshalled as "as" (string list follows)
//
// Huge strings are capped in total (kMaxDecodedChars), so one input stays cheap.

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>

#include <cstdint>
#include <cstring>

#ifdef KOKER_FUZZSPEC_DECODER
#include <QtDBus/QDBusArgument>
#include <QtDBus/QDBusMetaType>
#endif

namespace koker::fuzz {

using namespace Qt::Literals::StringLiterals;

enum class SpecType : uint8_t
{
    Bool = 0,
    String = 1,
    StringList = 2,
    Int64 = 3,
    UInt16 = 4,
    UInt32 = 5,
    Int32 = 6,
    Other = 7,
};

enum class OtherKind : uint8_t
{
    Double = 0,
    ByteArray = 1,
    Invalid = 2,
    DBusArgument = 3,
};

/// Every key CreateContainer or Exec knows, in a fixed order (the format indexes it).
inline const QStringList &knownKeys()
{
    static const QStringList keys = {
        u"image"_s,      u"name"_s,       u"hostname"_s,   u"cmd"_s,      u"entrypoint"_s,
        u"env"_s,        u"workingDir"_s, u"user"_s,       u"tty"_s,      u"interactive"_s,
        u"autoRemove"_s, u"memory"_s,     u"memorySwap"_s, u"nanoCpus"_s, u"pidsLimit"_s,
        u"network"_s,    u"ports"_s,      u"privileged"_s, u"capAdd"_s,   u"capDrop"_s,
        u"rows"_s,       u"cols"_s,
    };
    return keys;
}

inline constexpr qsizetype kHugeLengths[16] = {
    64,
    65,
    255,
    256,
    1023,
    1024,
    1025,
    4095,
    4096,
    4097,
    65535,
    65536,
    65537,
    1024 * 1024,
    1024 * 1024 + 1,
    2 * 1024 * 1024,
};
inline constexpr qsizetype kHugeCounts[16] = {16,   17,   63,   64,   65,   255,  256, 257,
                                              1023, 1024, 4095, 4096, 4097, 8192, 0,   1};
inline constexpr qsizetype kMaxDecodedChars = 6 * 1024 * 1024;

#ifdef KOKER_FUZZSPEC_DECODER

class SpecDecoder
{
public:
    SpecDecoder(const uint8_t *data, size_t size)
        : m_data(data)
        , m_size(size)
    {}

    QVariantMap map()
    {
        QVariantMap out;
        const int count = u8() % 24;
        for (int i = 0; i < count; ++i) {
            const uint8_t k = u8();
            QString key = k < 0xc0 ? knownKeys()[k % knownKeys().size()] : string();
            out.insert(key, value());
        }
        return out;
    }

private:
    uint8_t u8() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    uint64_t le(int bytes)
    {
        uint64_t v = 0;
        for (int i = 0; i < bytes; ++i)
            v |= uint64_t(u8()) << (8 * i);
        return v;
    }

    QByteArray bytes()
    {
        const uint8_t len = u8();
        if (len < 0xf0) {
            const size_t n = std::min<size_t>(len, m_size - m_pos);
            QByteArray b(reinterpret_cast<const char *>(m_data + m_pos), qsizetype(n));
            m_pos += n;
            return b;
        }
        qsizetype n = kHugeLengths[len - 0xf0];
        const char fill = static_cast<char>(u8());
        const uint8_t nul = u8();
        if (m_budget < n)
            n = 0;
        m_budget -= n;
        QByteArray b(n, fill == 0 ? 'a' : fill);
        if (nul != 0xff && n > 0)
            b[qMin<qsizetype>(n - 1, nul * n / 255)] = '\0';
        return b;
    }

    QString string()
    {
        const QByteArray b = bytes();
        return QString::fromUtf8(b.constData(), b.size());
    }

    QStringList list()
    {
        const uint8_t c = u8();
        const qsizetype n = c < 0xf0 ? c % 16 : kHugeCounts[c - 0xf0];
        QStringList out;
        for (qsizetype i = 0; i < n; ++i) {
            // Past the input's end, long lists repeat one (empty) string cheaply.
            if (m_pos >= m_size) {
                out << QString();
                continue;
            }
            out << string();
        }
        return out;
    }

    QVariant value()
    {
        switch (static_cast<SpecType>(u8() % 8)) {
        case SpecType::Bool:
            return QVariant(bool(u8() & 1));
        case SpecType::String:
            return QVariant(string());
        case SpecType::StringList:
            return QVariant(list());
        case SpecType::Int64:
            return QVariant(qlonglong(le(8)));
        case SpecType::UInt16:
            return QVariant::fromValue(ushort(le(2)));
        case SpecType::UInt32:
            return QVariant(uint(le(4)));
        case SpecType::Int32:
            return QVariant(int(uint32_t(le(4))));
        case SpecType::Other:
            break;
        }
        switch (static_cast<OtherKind>(u8() % 4)) {
        case OtherKind::Double: {
            const uint64_t bits = le(8);
            double d;
            std::memcpy(&d, &bits, sizeof d);
            return QVariant(d);
        }
        case OtherKind::ByteArray:
            return QVariant(bytes());
        case OtherKind::Invalid:
            return QVariant();
        case OtherKind::DBusArgument: {
            // What QtDBus hands over for an array whose type it did not know.
            QDBusArgument arg;
            arg << list();
            return QVariant::fromValue(arg);
        }
        }
        return QVariant();
    }

    const uint8_t *m_data;
    size_t m_size;
    size_t m_pos = 0;
    qsizetype m_budget = kMaxDecodedChars;
};

#endif // KOKER_FUZZSPEC_DECODER

/// Writes seeds in the format above (make_corpus.cpp).
class SpecEncoder
{
public:
    SpecEncoder &boolean(const QString &key, bool v)
    {
        this->key(key);
        m_out += char(SpecType::Bool);
        m_out += char(v ? 1 : 0);
        return entry();
    }
    SpecEncoder &string(const QString &key, const QString &v)
    {
        this->key(key);
        m_out += char(SpecType::String);
        str(v.toUtf8());
        return entry();
    }
    /// A string of `lengthIndex` (into kHugeLengths) copies of `fill`, a NUL at nulAt/255.
    SpecEncoder &hugeString(const QString &key, int lengthIndex, char fill, uint8_t nulAt = 0xff)
    {
        this->key(key);
        m_out += char(SpecType::String);
        m_out += char(0xf0 + lengthIndex);
        m_out += fill;
        m_out += char(nulAt);
        return entry();
    }
    SpecEncoder &list(const QString &key, const QStringList &v)
    {
        this->key(key);
        m_out += char(SpecType::StringList);
        m_out += char(v.size());
        for (const QString &s : v)
            str(s.toUtf8());
        return entry();
    }
    SpecEncoder &int64(const QString &key, qint64 v)
    {
        this->key(key);
        m_out += char(SpecType::Int64);
        le(uint64_t(v), 8);
        return entry();
    }
    SpecEncoder &uint16(const QString &key, quint16 v)
    {
        this->key(key);
        m_out += char(SpecType::UInt16);
        le(v, 2);
        return entry();
    }
    SpecEncoder &uint32(const QString &key, quint32 v)
    {
        this->key(key);
        m_out += char(SpecType::UInt32);
        le(v, 4);
        return entry();
    }
    SpecEncoder &int32(const QString &key, qint32 v)
    {
        this->key(key);
        m_out += char(SpecType::Int32);
        le(uint32_t(v), 4);
        return entry();
    }
    SpecEncoder &other(const QString &key, OtherKind kind)
    {
        this->key(key);
        m_out += char(SpecType::Other);
        m_out += char(kind);
        if (kind == OtherKind::Double)
            le(0x3ff0000000000000ull, 8); // 1.0
        else if (kind == OtherKind::ByteArray)
            str("bytes");
        else if (kind == OtherKind::DBusArgument)
            m_out += char(0); // an empty list
        return entry();
    }

    /// The encoded map (the entry count first).
    QByteArray bytes() const { return char(m_count) + m_out; }

private:
    void key(const QString &k)
    {
        const qsizetype known = knownKeys().indexOf(k);
        if (known >= 0) {
            m_out += char(known);
        } else {
            m_out += char(0xc0);
            str(k.toUtf8());
        }
    }
    void str(const QByteArray &b)
    {
        Q_ASSERT(b.size() < 0xf0);
        m_out += char(b.size());
        m_out += b;
    }
    void le(uint64_t v, int bytes)
    {
        for (int i = 0; i < bytes; ++i)
            m_out += char((v >> (8 * i)) & 0xff);
    }
    SpecEncoder &entry()
    {
        ++m_count;
        return *this;
    }

    QByteArray m_out;
    int m_count = 0;
};

} // namespace koker::fuzz
