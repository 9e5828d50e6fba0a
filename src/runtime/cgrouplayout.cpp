#include "cgrouplayout.h"

#include "fsutil.h"

#include <algorithm>
#include <array>

namespace koker {

namespace {

// Every v1 controller a kernel can have. Anything else in a cgroup mount's super
// options is a mount option (rw, relatime, xattr, noprefix, release_agent=...).
constexpr std::array<std::string_view, 15> kV1Controllers = {
    "cpu",     "cpuacct",  "cpuset",     "memory",  "devices", "freezer", "blkio", "pids",
    "net_cls", "net_prio", "perf_event", "hugetlb", "rdma",    "misc",    "debug"};

bool isV1Controller(std::string_view word)
{
    return std::find(kV1Controllers.begin(), kV1Controllers.end(), word) != kV1Controllers.end();
}

std::vector<std::string_view> split(std::string_view text, char sep)
{
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i <= text.size()) {
        size_t j = text.find(sep, i);
        if (j == std::string_view::npos)
            j = text.size();
        if (j > i)
            out.push_back(text.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

std::string parentOf(const std::string &path)
{
    size_t slash = path.rfind('/');
    if (slash == std::string::npos || slash == 0)
        return "/";
    return path.substr(0, slash);
}

struct MountLine
{
    std::string device; // "0:29": one superblock, so one hierarchy
    std::string root;
    std::string mountPoint;
    std::string fsType;
    std::string superOptions;
};

// One mountinfo line: "id parent maj:min root mountpoint opts [optional...] - fstype
// source superopts". The optional fields vary in number, so the " - " separator is
// searched for instead of counting.
bool parseLine(std::string_view line, MountLine &out)
{
    auto fields = split(line, ' ');
    size_t sep = 0;
    for (size_t i = 6; i < fields.size(); ++i) {
        if (fields[i] == "-") {
            sep = i;
            break;
        }
    }
    if (sep == 0 || sep + 1 >= fields.size())
        return false;
    out.device = std::string(fields[2]);
    out.root = unescapeMountinfoField(fields[3]);
    out.mountPoint = unescapeMountinfoField(fields[4]);
    out.fsType = std::string(fields[sep + 1]);
    out.superOptions = sep + 3 < fields.size() ? std::string(fields[sep + 3]) : std::string();
    return true;
}

} // namespace

bool CgroupHierarchy::has(std::string_view controller) const
{
    return std::find(controllers.begin(), controllers.end(), controller) != controllers.end();
}

std::string CgroupHierarchy::name() const
{
    if (v2)
        return "unified";
    std::string out;
    for (const auto &c : controllers) {
        if (!out.empty())
            out += ',';
        out += c;
    }
    return out;
}

const CgroupHierarchy *CgroupLayout::v1Hierarchy(std::string_view controller) const
{
    for (const auto &h : v1) {
        if (h.has(controller))
            return &h;
    }
    return nullptr;
}

std::string CgroupLayout::v1Mount(std::string_view controller) const
{
    const CgroupHierarchy *h = v1Hierarchy(controller);
    return h ? h->mountPoint : std::string();
}

std::string unescapeMountinfoField(std::string_view field)
{
    std::string out;
    out.reserve(field.size());
    for (size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            char a = field[i + 1], b = field[i + 2], c = field[i + 3];
            if (a >= '0' && a <= '3' && b >= '0' && b <= '7' && c >= '0' && c <= '7') {
                out += static_cast<char>((a - '0') * 64 + (b - '0') * 8 + (c - '0'));
                i += 3;
                continue;
            }
        }
        out += field[i];
    }
    return out;
}

Result<CgroupLayout> parseCgroupLayout(std::string_view mountinfo)
{
    std::vector<MountLine> mounts;
    for (std::string_view line : split(mountinfo, '\n')) {
        MountLine m;
        if (!parseLine(line, m))
            continue;
        // A later mount on the same mount point hides the earlier one.
        std::erase_if(mounts, [&](const MountLine &old) { return old.mountPoint == m.mountPoint; });
        mounts.push_back(std::move(m));
    }

    CgroupLayout layout;
    std::vector<std::string> seenDevices;
    std::vector<std::string> cgroup2Mounts;
    bool haveV1Controller = false;
    for (const MountLine &m : mounts) {
        if (m.fsType == "cgroup2") {
            cgroup2Mounts.push_back(m.mountPoint);
            continue;
        }
        if (m.fsType != "cgroup")
            continue;
        if (std::find(seenDevices.begin(), seenDevices.end(), m.device) != seenDevices.end()) {
            layout.notes.push_back("ignored a second mount of a v1 hierarchy at " + m.mountPoint);
            continue;
        }
        seenDevices.push_back(m.device);
        CgroupHierarchy h;
        h.mountPoint = m.mountPoint;
        h.root = m.root;
        for (std::string_view opt : split(m.superOptions, ',')) {
            if (isV1Controller(opt)) {
                h.controllers.emplace_back(opt);
                haveV1Controller = true;
            } else if (opt.starts_with("name=")) {
                h.controllers.emplace_back(opt);
            }
        }
        if (!h.controllers.empty())
            layout.v1.push_back(std::move(h));
    }

    if (!haveV1Controller) {
        if (cgroup2Mounts.empty())
            return fail(ErrorCode::Unsupported,
                        "no cgroup hierarchy is mounted: mount cgroup2 at /sys/fs/cgroup "
                        "(`mount -t cgroup2 none /sys/fs/cgroup`) and try again");
        auto preferred = std::find(cgroup2Mounts.begin(), cgroup2Mounts.end(), "/sys/fs/cgroup");
        layout.mode = CgroupMode::Unified;
        layout.unifiedMount = preferred != cgroup2Mounts.end() ? *preferred : cgroup2Mounts.front();
        for (const auto &h : layout.v1)
            layout.notes.push_back("ignored the v1 hierarchy " + h.name() + " at " + h.mountPoint +
                                   ": it carries no resource controller");
        layout.v1.clear();
        for (const auto &p : cgroup2Mounts) {
            if (p != layout.unifiedMount)
                layout.notes.push_back("ignored a second cgroup2 mount at " + p);
        }
        return layout;
    }

    // systemd's hybrid layout puts the cgroup2 next to the v1 mounts, named "unified".
    std::vector<std::string> v1Parents;
    for (const auto &h : layout.v1)
        v1Parents.push_back(parentOf(h.mountPoint));
    layout.mode = CgroupMode::Legacy;
    for (const auto &p : cgroup2Mounts) {
        bool beside = std::find(v1Parents.begin(), v1Parents.end(), parentOf(p)) != v1Parents.end();
        bool named = p.size() >= 8 && p.compare(p.size() - 8, 8, "/unified") == 0;
        if (layout.mode == CgroupMode::Legacy && beside && named) {
            layout.mode = CgroupMode::Hybrid;
            layout.unifiedMount = p;
        } else {
            layout.notes.push_back("ignored the cgroup2 mount at " + p +
                                   ": the controllers live in the v1 hierarchies");
        }
    }
    return layout;
}

Result<CgroupLayout> detectCgroupLayout()
{
    auto text = fs::readFile("/proc/self/mountinfo");
    if (!text)
        return std::unexpected(withContext(text.error(), "detect the cgroup layout"));
    return parseCgroupLayout(*text);
}

} // namespace koker
