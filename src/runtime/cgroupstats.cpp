#include "cgroupstats.h"

#include <charconv>

namespace koker {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

std::optional<int64_t> toInt(std::string_view s)
{
    s = trim(s);
    int64_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty())
        return std::nullopt;
    return v;
}

} // namespace

std::optional<int64_t> cgroupKeyedValue(std::string_view text, std::string_view key)
{
    while (!text.empty()) {
        size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        if (line.size() > key.size() && line.starts_with(key) && line[key.size()] == ' ')
            return toInt(line.substr(key.size() + 1));
    }
    return std::nullopt;
}

std::optional<int64_t> cgroupLimitValue(std::string_view text)
{
    text = trim(text);
    if (text == "max")
        return -1;
    auto v = toInt(text);
    // v1 shows "no limit" as PAGE_COUNTER_MAX pages in bytes: LONG_MAX rounded down
    // to a page. Anything within a page of LONG_MAX is that value on any page size.
    if (v && *v >= INT64_MAX - 65536)
        return -1;
    return v;
}

} // namespace koker
