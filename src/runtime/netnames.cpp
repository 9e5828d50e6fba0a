#include "netnames.h"

#include <cstdio>

namespace koker::net {

Status validateInterfaceName(std::string_view name)
{
    std::string shown(name.substr(0, 40));
    if (name.empty())
        return fail(ErrorCode::InvalidArgument, "an interface name cannot be empty");
    if (name.size() > kMaxInterfaceName)
        return fail(ErrorCode::InvalidArgument,
                    "interface name '" + shown + "' is longer than 15 characters (IFNAMSIZ)");
    if (name == "." || name == "..")
        return fail(ErrorCode::InvalidArgument, "'" + shown + "' is not a valid interface name");
    for (char c : name) {
        unsigned char u = static_cast<unsigned char>(c);
        if (c == '/' || c == ':' || u <= ' ' || u >= 0x7f)
            return fail(ErrorCode::InvalidArgument,
                        "interface name '" + shown +
                            "' contains a character the kernel refuses ('/', ':', a space or a "
                            "control character)");
    }
    return {};
}

bool isDockerStyleName(std::string_view name, size_t maxLength)
{
    if (name.empty() || name.size() > maxLength)
        return false;
    for (size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '_' && c != '.' && c != '-')))
            return false;
    }
    return true;
}

Status validateContainerId(std::string_view id)
{
    std::string shown(id.substr(0, 40));
    if (id.empty() || id.size() > 128)
        return fail(ErrorCode::InvalidArgument,
                    "container id '" + shown + "' must be 1 to 128 characters long");
    if (!isDockerStyleName(id, 128))
        return fail(ErrorCode::InvalidArgument,
                    "container id '" + shown +
                        "' may only use letters, digits, '_', '.', '-' and must start with a "
                        "letter or digit");
    return {};
}

Result<std::string> hostVethName(std::string_view containerId)
{
    if (auto st = validateContainerId(containerId); !st)
        return std::unexpected(st.error());
    std::string name(kHostVethPrefix);
    name += containerId.substr(0, 12);
    if (auto st = validateInterfaceName(name); !st)
        return std::unexpected(st.error());
    return name;
}

std::string macForAddress(Ipv4Address ip)
{
    char buf[18];
    std::snprintf(buf, sizeof buf, "02:42:%02x:%02x:%02x:%02x", ip.byte(0), ip.byte(1), ip.byte(2),
                  ip.byte(3));
    return buf;
}

bool parseMac(std::string_view text, unsigned char out[6])
{
    if (text.size() != 17)
        return false;
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    for (int i = 0; i < 6; ++i) {
        int hi = hex(text[size_t(i) * 3]);
        int lo = hex(text[size_t(i) * 3 + 1]);
        if (hi < 0 || lo < 0 || (i < 5 && text[size_t(i) * 3 + 2] != ':'))
            return false;
        out[i] = static_cast<unsigned char>(hi * 16 + lo);
    }
    return true;
}

} // namespace koker::net
