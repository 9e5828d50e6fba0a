#pragma once

// A tiny binary encoding for messages between our own processes (engine, monitor,
// attach clients): little-endian integers and length-prefixed byte strings. The
// reader is bounds-checked on every field because an attach client is a stranger.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace koker::wire {

class Writer
{
public:
    void u8(uint8_t v) { m_buf.push_back(static_cast<char>(v)); }
    void u32(uint32_t v) { raw(&v, sizeof v); }
    void i32(int32_t v) { raw(&v, sizeof v); }
    void u64(uint64_t v) { raw(&v, sizeof v); }
    void i64(int64_t v) { raw(&v, sizeof v); }
    void str(std::string_view s)
    {
        u32(static_cast<uint32_t>(s.size()));
        m_buf.append(s.data(), s.size());
    }
    void strs(const std::vector<std::string> &list)
    {
        u32(static_cast<uint32_t>(list.size()));
        for (const auto &s : list)
            str(s);
    }
    void raw(const void *p, size_t n) { m_buf.append(static_cast<const char *>(p), n); }
    const std::string &data() const { return m_buf; }

private:
    std::string m_buf;
};

class Reader
{
public:
    Reader(const char *data, size_t size)
        : m_p(data)
        , m_end(data + size)
    {}
    explicit Reader(std::string_view s)
        : Reader(s.data(), s.size())
    {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p == m_end; }

    uint8_t u8() { return num<uint8_t>(); }
    uint32_t u32() { return num<uint32_t>(); }
    int32_t i32() { return num<int32_t>(); }
    uint64_t u64() { return num<uint64_t>(); }
    int64_t i64() { return num<int64_t>(); }
    std::string str(size_t max = 1 << 20)
    {
        uint32_t n = u32();
        if (!m_ok || n > max || static_cast<size_t>(m_end - m_p) < n) {
            m_ok = false;
            return {};
        }
        std::string s(m_p, n);
        m_p += n;
        return s;
    }
    std::vector<std::string> strs(size_t maxCount = 65536, size_t maxEach = 1 << 20)
    {
        uint32_t n = u32();
        std::vector<std::string> out;
        if (!m_ok || n > maxCount) {
            m_ok = false;
            return out;
        }
        out.reserve(n);
        for (uint32_t i = 0; i < n && m_ok; ++i)
            out.push_back(str(maxEach));
        return out;
    }
    bool raw(void *dst, size_t n)
    {
        if (!m_ok || static_cast<size_t>(m_end - m_p) < n) {
            m_ok = false;
            return false;
        }
        std::memcpy(dst, m_p, n);
        m_p += n;
        return true;
    }
    std::string_view rest() const { return {m_p, static_cast<size_t>(m_end - m_p)}; }

private:
    template <class T>
    T num()
    {
        T v{};
        raw(&v, sizeof v);
        return v;
    }
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

} // namespace koker::wire
