#include "cgroupdriver.h"

#include "cgrouphostfs.h"
#include "devicepolicy.h"
#include "fsutil.h"
#include "step.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>

namespace koker {

namespace {

constexpr int kMaxCgroupDepth = 32; // below koker/<id>; a container nesting deeper is odd

// v1 hierarchies a container joins. Others (net_cls,net_prio, perf_event, hugetlb,
// rdma, misc) are left alone: Koker sets nothing there and the root's defaults apply.
constexpr std::string_view kV1Joined[] = {"memory",  "cpu",     "cpuacct", "pids",        "cpuset",
                                          "devices", "freezer", "blkio",   "name=systemd"};

std::string trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t'))
        s.remove_suffix(1);
    return std::string(s);
}

std::vector<std::string> words(std::string_view text)
{
    std::vector<std::string> out;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t'))
            ++i;
        size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t')
            ++j;
        if (j > i)
            out.emplace_back(text.substr(i, j - i));
        i = j;
    }
    return out;
}

void sleepMs(int ms)
{
    timespec ts{ms / 1000, (ms % 1000) * 1'000'000L};
    while (::nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

std::string opWrite(const std::string &path, std::string_view value)
{
    return "write(\"" + path + "\", \"" + std::string(value) + "\")";
}

std::string shellWrite(const std::string &path, std::string_view value)
{
    return "echo " + shellQuote(value) + " > " + shellQuote(path);
}

std::string opMkdir(const std::string &path)
{
    return "mkdir(\"" + path + "\", 0755)";
}

std::string opRmdir(const std::string &path)
{
    return "rmdir(\"" + path + "\")";
}

// A sentence for students on why the kernel said no, for the errors that have a
// cgroup-specific meaning.
std::string hintFor(int err, std::string_view file)
{
    const bool procs = file == "cgroup.procs";
    if (procs && err == ENOSPC)
        return "a v1 cpuset with no CPUs or memory nodes cannot take tasks: copy cpuset.cpus "
               "and cpuset.mems from the parent first";
    if (procs && err == EBUSY)
        return "cgroup v2's no-internal-processes rule: a cgroup that enables controllers for "
               "its children cannot hold processes itself";
    if (procs && err == ESRCH)
        return "no such process: it has exited already";
    if (file == "cgroup.subtree_control" && err == EBUSY)
        return "the cgroup holds processes, and cgroup v2 enables controllers for children "
               "only in cgroups without processes";
    if (file == "cgroup.subtree_control" && err == ENOENT)
        return "the controller is not available here: it must be in cgroup.controllers";
    if (file.starts_with("memory.") && err == EBUSY)
        return "the cgroup already uses more memory than that and the kernel could not "
               "reclaim it";
    if (err == EINVAL)
        return "the kernel refused the value";
    return {};
}

Error annotate(Error e, const std::string &context, std::string_view file = {})
{
    e = withContext(std::move(e), context);
    std::string hint = hintFor(e.sysErrno, file);
    if (!hint.empty())
        e.message += " (" + hint + ")";
    return e;
}

std::string baseName(const std::string &path)
{
    size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

Status writeChecked(CgroupFs &fs, const std::string &path, std::string_view value)
{
    auto st = fs.writeFile(path, value);
    if (!st)
        return std::unexpected(annotate(
            st.error(), "write \"" + std::string(value) + "\" to " + path, baseName(path)));
    return {};
}

Status mkdirIfMissing(CgroupFs &fs, const std::string &path)
{
    auto st = fs.makeDirectory(path, 0755);
    if (!st && st.error().sysErrno != EEXIST)
        return std::unexpected(withContext(st.error(), "create cgroup " + path));
    return {};
}

// rmdir the tree below and including `path`, children first. The kernel refuses
// (EBUSY) while tasks are still leaving, which takes a moment after SIGKILL, so
// EBUSY is retried until `timeoutMs` has passed. A missing directory is success.
Status removeCgroupTree(CgroupFs &fs, const std::string &path, int timeoutMs, int depth = 0)
{
    // Usually the cgroup is empty and has no children: one rmdir does it. Otherwise
    // (EBUSY) walk the children first and retry while processes finish leaving.
    if (auto st = fs.removeDirectory(path); st || st.error().sysErrno == ENOENT)
        return {};
    if (depth > kMaxCgroupDepth)
        return fail(ErrorCode::LimitExceeded, "cgroup tree too deep below " + path);
    auto children = fs.listDirectories(path);
    if (!children) {
        if (children.error().sysErrno == ENOENT)
            return {};
        return std::unexpected(children.error());
    }
    for (const auto &child : *children) {
        if (auto st = removeCgroupTree(fs, path + "/" + child, timeoutMs, depth + 1); !st)
            return st;
    }
    const int64_t deadline = monotonicNs() + int64_t(timeoutMs) * 1'000'000;
    int pause = 5;
    for (;;) {
        auto st = fs.removeDirectory(path);
        if (st || st.error().sysErrno == ENOENT)
            return {};
        if (st.error().sysErrno != EBUSY || monotonicNs() >= deadline)
            return std::unexpected(
                withContext(st.error(), "remove cgroup " + path +
                                            (st.error().sysErrno == EBUSY
                                                 ? " (processes are still in it: kill them first)"
                                                 : "")));
        sleepMs(pause);
        pause = std::min(pause * 2, 100);
    }
}

void collectPids(CgroupFs &fs, const std::string &path, std::vector<pid_t> &out, int depth = 0)
{
    if (depth > kMaxCgroupDepth)
        return;
    if (auto text = fs.readFile(path + "/cgroup.procs")) {
        for (const auto &w : words(*text)) {
            char *end = nullptr;
            long v = std::strtol(w.c_str(), &end, 10);
            if (end && *end == '\0' && v > 0)
                out.push_back(static_cast<pid_t>(v));
        }
    }
    if (auto children = fs.listDirectories(path)) {
        for (const auto &child : *children)
            collectPids(fs, path + "/" + child, out, depth + 1);
    }
}

// v2's cgroup.events says in one read whether any process is left in a cgroup or
// below it ("populated 0"); the kernel updates it as the last one exits. Nothing
// when the file cannot be read (v1, or the cgroup is gone).
std::optional<bool> populated(CgroupFs &fs, const std::string &dir)
{
    auto text = fs.readFile(dir + "/cgroup.events");
    if (!text)
        return std::nullopt;
    const auto fields = words(*text);
    for (size_t i = 0; i + 1 < fields.size(); ++i) {
        if (fields[i] == "populated")
            return fields[i + 1] != "0";
    }
    return std::nullopt;
}

std::vector<pid_t> pidsIn(CgroupFs &fs, const std::vector<CgroupDir> &dirs)
{
    std::vector<pid_t> out;
    for (const auto &d : dirs) {
        if (fs.exists(d.path))
            collectPids(fs, d.path, out);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Status killEach(CgroupFs &fs, const std::vector<pid_t> &pids)
{
    for (pid_t p : pids) {
        auto st = fs.signalProcess(p, SIGKILL);
        if (!st && st.error().sysErrno != ESRCH) // ESRCH: it died on its own meanwhile
            return std::unexpected(withContext(st.error(), "kill the container's processes"));
    }
    return {};
}

// v1 cpusets start *empty* in a new cgroup, and a cpuset without CPUs or memory
// nodes refuses tasks with ENOSPC. Copy what the parent has (what runc does; the
// alternative, cgroup.clone_children=1 on the parent, changes the parent for others).
Status copyCpuset(CgroupFs &fs, const std::string &from, const std::string &to)
{
    for (const char *file : {"cpuset.cpus", "cpuset.mems"}) {
        auto mine = fs.readFile(to + "/" + file);
        if (!mine)
            return std::unexpected(withContext(mine.error(), "read the cpuset of " + to));
        if (!trimmed(*mine).empty())
            continue;
        auto theirs = fs.readFile(from + "/" + file);
        if (!theirs)
            return std::unexpected(withContext(theirs.error(), "read the cpuset of " + from));
        std::string value = trimmed(*theirs);
        if (value.empty())
            return fail(ErrorCode::Unsupported, std::string("the parent cgroup ") + from +
                                                    " has an empty " + file +
                                                    ": give it CPUs and memory nodes first");
        if (auto st = writeChecked(fs, to + "/" + file, value); !st)
            return st;
    }
    return {};
}

// Enable the wanted controllers that are not enabled yet. Only the missing ones
// are written: re-enabling is harmless on the real root, but a delegated root
// (a cgroup namespace) with processes refuses any write with EBUSY.
Status enableControllers(CgroupFs &fs, const std::string &dir,
                         const std::vector<std::string> &wanted)
{
    auto current = fs.readFile(dir + "/cgroup.subtree_control");
    if (!current)
        return std::unexpected(withContext(current.error(), "read controllers of " + dir));
    auto have = words(*current);
    std::string value;
    for (const auto &c : wanted) {
        if (std::find(have.begin(), have.end(), c) != have.end())
            continue;
        if (!value.empty())
            value += ' ';
        value += "+" + c;
    }
    if (value.empty())
        return {};
    return writeChecked(fs, dir + "/cgroup.subtree_control", value);
}

std::string hierarchyLabel(const CgroupDir &d, CgroupMode mode)
{
    if (mode == CgroupMode::Unified)
        return std::string();
    if (d.v2)
        return " in the cgroup2 (unified) hierarchy";
    return " in the " + d.hierarchy + " hierarchy";
}

Step makeStep(std::string_view key, const std::string &title, const std::string &op,
              const std::string &shell, std::function<Status()> apply)
{
    Step s;
    s.record.phase = Phase::Cgroup;
    s.record.side = Side::Host;
    s.record.setKey(key);
    s.record.setTitle(title);
    s.record.setOp(op);
    s.record.setShell(shell);
    s.apply = std::move(apply);
    return s;
}

std::string joinList(const std::vector<std::string> &items, std::string_view sep)
{
    std::string out;
    for (const auto &i : items) {
        if (!out.empty())
            out += sep;
        out += i;
    }
    return out;
}

} // namespace

bool CgroupDir::has(std::string_view controller) const
{
    return std::find(controllers.begin(), controllers.end(), controller) != controllers.end();
}

Status CgroupDriver::validateId(std::string_view id)
{
    auto alnum = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    if (id.empty() || id.size() > 128)
        return fail(ErrorCode::InvalidArgument,
                    "container id for a cgroup must have 1 to 128 characters");
    if (!alnum(id.front()))
        return fail(ErrorCode::InvalidArgument,
                    "container id \"" + std::string(id) + "\" must start with a letter or digit");
    for (char c : id) {
        if (!alnum(c) && c != '_' && c != '.' && c != '-')
            return fail(ErrorCode::InvalidArgument,
                        "container id \"" + std::string(id) +
                            "\" may hold only letters, digits, '_', '.' and '-'");
    }
    return {};
}

CgroupDriver::CgroupDriver(CgroupLayout layout, std::string id, std::shared_ptr<CgroupFs> fs)
    : m_layout(std::move(layout))
    , m_id(std::move(id))
    , m_fs(std::move(fs))
{
    const std::string sub = "/" + std::string(kParentName);
    if (m_layout.mode != CgroupMode::Unified) {
        for (const auto &h : m_layout.v1) {
            bool joined = std::any_of(std::begin(kV1Joined), std::end(kV1Joined),
                                      [&](std::string_view c) { return h.has(c); });
            if (!joined)
                continue;
            CgroupDir d;
            d.hierarchy = h.name();
            d.mountPoint = h.mountPoint;
            d.parent = h.mountPoint + sub;
            d.path = d.parent + "/" + m_id;
            d.controllers = h.controllers;
            m_dirs.push_back(std::move(d));
        }
    }
    if (m_layout.mode != CgroupMode::Legacy && !m_layout.unifiedMount.empty()) {
        CgroupDir d;
        d.hierarchy = "unified";
        d.mountPoint = m_layout.unifiedMount;
        d.parent = m_layout.unifiedMount + sub;
        d.path = d.parent + "/" + m_id;
        d.v2 = true;
        m_dirs.push_back(std::move(d));
    }
}

Result<CgroupDriver> CgroupDriver::forLayout(CgroupLayout layout, std::string id,
                                             std::shared_ptr<CgroupFs> fs)
{
    if (auto ok = validateId(id); !ok)
        return std::unexpected(ok.error());
    if (!fs)
        return fail(ErrorCode::Internal, "cgroup driver without a filesystem");
    if (layout.mode == CgroupMode::Unified && layout.unifiedMount.empty())
        return fail(ErrorCode::Internal, "unified cgroup layout without a cgroup2 mount");
    CgroupDriver driver(std::move(layout), std::move(id), std::move(fs));
    if (driver.m_dirs.empty())
        return fail(ErrorCode::Unsupported,
                    "no usable cgroup hierarchy is mounted (none of memory, cpu, pids... and no "
                    "cgroup2): mount them under /sys/fs/cgroup");
    return driver;
}

Result<CgroupDriver> CgroupDriver::forHost(std::string id)
{
    auto layout = detectCgroupLayout();
    if (!layout)
        return std::unexpected(layout.error());
    return forLayout(std::move(*layout), std::move(id), hostCgroupFs());
}

const CgroupDir *CgroupDriver::dirWith(std::string_view controller) const
{
    for (const auto &d : m_dirs) {
        if (!d.v2 && d.has(controller))
            return &d;
    }
    return nullptr;
}

const CgroupDir *CgroupDriver::unifiedDir() const
{
    for (const auto &d : m_dirs) {
        if (d.v2)
            return &d;
    }
    return nullptr;
}

Result<std::string> CgroupDriver::pathFor(std::string_view controller) const
{
    if (mode() == CgroupMode::Unified)
        return unifiedDir()->path;
    if (const CgroupDir *d = dirWith(controller))
        return d->path;
    return fail(ErrorCode::NotFound, "the " + std::string(controller) +
                                         " controller is not mounted on this host (no v1 "
                                         "hierarchy carries it)");
}

CgroupJoin CgroupDriver::joinTargets() const
{
    CgroupJoin join;
    for (const auto &d : m_dirs) {
        if (d.v2)
            join.cloneInto = d.path;
        else
            join.threadFiles.push_back(d.path + "/tasks");
    }
    return join;
}

std::vector<std::string> CgroupDriver::availableV2Controllers() const
{
    std::vector<std::string> out;
    const CgroupDir *u = unifiedDir();
    if (!u)
        return out;
    auto text = m_fs->readFile(u->mountPoint + "/cgroup.controllers");
    if (!text)
        return out;
    auto have = words(*text);
    for (std::string_view c : kV2Controllers) {
        if (std::find(have.begin(), have.end(), c) != have.end())
            out.emplace_back(c);
    }
    return out;
}

CgroupLimitOptions CgroupDriver::limitOptions() const
{
    CgroupLimitOptions o;
    long cpus = ::sysconf(_SC_NPROCESSORS_ONLN);
    o.hostCpus = cpus > 0 ? static_cast<int>(cpus) : 0;
    if (mode() == CgroupMode::Unified) {
        // The root cgroup has no memory.max, so look at a cgroup below it that has
        // the memory controller: ours, koker/, or any sibling (system.slice...).
        const CgroupDir *u = unifiedDir();
        std::vector<std::string> candidates = {u->path, u->parent};
        if (auto children = m_fs->listDirectories(u->mountPoint)) {
            for (const auto &c : *children)
                candidates.push_back(u->mountPoint + "/" + c);
        }
        for (const auto &c : candidates) {
            if (m_fs->exists(c + "/memory.max")) {
                o.swapAccounting = m_fs->exists(c + "/memory.swap.max");
                break;
            }
        }
    } else {
        std::string memory = m_layout.v1Mount("memory");
        if (!memory.empty())
            o.swapAccounting = m_fs->exists(memory + "/memory.memsw.limit_in_bytes");
    }
    return o;
}

std::vector<Step> CgroupDriver::planCreate() const
{
    std::vector<Step> steps;
    auto fs = m_fs;
    const int timeout = m_settleTimeoutMs;

    auto parentStep = [&](const CgroupDir &d) {
        if (m_fs->exists(d.parent))
            return;
        const std::string parent = d.parent;
        steps.push_back(makeStep("cgroup.mkdir",
                                 "Create the " + std::string(kParentName) + "/ group" +
                                     hierarchyLabel(d, mode()),
                                 opMkdir(parent), "mkdir -p " + shellQuote(parent),
                                 [fs, parent] { return mkdirIfMissing(*fs, parent); }));
    };
    auto dirStep = [&](const CgroupDir &d) {
        const std::string path = d.path;
        Step s = makeStep(
            "cgroup.mkdir", "Create the container's cgroup" + hierarchyLabel(d, mode()),
            opMkdir(path), "mkdir " + shellQuote(path), [fs, path]() -> Status {
                auto st = fs->makeDirectory(path, 0755);
                if (!st && st.error().sysErrno == EEXIST)
                    return fail(ErrorCode::AlreadyExists,
                                "cgroup " + path +
                                    " exists already (left over by a crashed container?): "
                                    "remove the container first");
                if (!st)
                    return std::unexpected(withContext(st.error(), "create cgroup " + path));
                return {};
            });
        s.rollback = [fs, path, timeout] { return removeCgroupTree(*fs, path, timeout); };
        s.rollbackTitle = "Remove the container's cgroup" + hierarchyLabel(d, mode());
        s.rollbackOp = opRmdir(path);
        s.rollbackShell = "rmdir " + shellQuote(path);
        steps.push_back(std::move(s));
    };
    auto subtreeStep = [&](const std::string &dir, const std::vector<std::string> &ctrls) {
        std::vector<std::string> plus;
        for (const auto &c : ctrls)
            plus.push_back("+" + c);
        const std::string value = joinList(plus, " ");
        const std::string file = dir + "/cgroup.subtree_control";
        steps.push_back(makeStep("cgroup.subtree_control",
                                 "Let the cgroups below " + dir + " use " + joinList(ctrls, ", "),
                                 opWrite(file, value), shellWrite(file, value),
                                 [fs, dir, ctrls] { return enableControllers(*fs, dir, ctrls); }));
    };

    if (mode() == CgroupMode::Unified) {
        // cgroup v2 gives a child a controller only when its parent lists it in
        // cgroup.subtree_control, level by level: root, then koker/. koker/ itself
        // holds no process, so the no-internal-processes rule never bites it.
        const CgroupDir &u = *unifiedDir();
        auto ctrls = availableV2Controllers();
        if (!ctrls.empty())
            subtreeStep(u.mountPoint, ctrls);
        parentStep(u);
        if (!ctrls.empty())
            subtreeStep(u.parent, ctrls);
        dirStep(u);
        return steps;
    }

    for (const auto &d : m_dirs) {
        parentStep(d);
        dirStep(d);
        if (d.v2 || !d.has("cpuset"))
            continue;
        // Plan-time values for the op text; the step reads them again when it runs.
        const std::string root = d.mountPoint, parent = d.parent, path = d.path;
        auto show = [&](const std::string &dir, const char *file) {
            auto v = m_fs->readFile(dir + "/" + file);
            std::string t = v ? trimmed(*v) : std::string();
            return t.empty() ? std::string("<copied from the parent>") : t;
        };
        std::string op, shell;
        auto parentCpus = m_fs->readFile(parent + "/cpuset.cpus");
        if (!parentCpus || trimmed(*parentCpus).empty()) {
            op = opWrite(parent + "/cpuset.cpus", show(root, "cpuset.cpus")) + "; " +
                 opWrite(parent + "/cpuset.mems", show(root, "cpuset.mems")) + "; ";
            shell = "cat " + shellQuote(root + "/cpuset.cpus") + " > " +
                    shellQuote(parent + "/cpuset.cpus") + "; cat " +
                    shellQuote(root + "/cpuset.mems") + " > " +
                    shellQuote(parent + "/cpuset.mems") + "; ";
            op += opWrite(path + "/cpuset.cpus", show(root, "cpuset.cpus")) + "; " +
                  opWrite(path + "/cpuset.mems", show(root, "cpuset.mems"));
        } else {
            op = opWrite(path + "/cpuset.cpus", show(parent, "cpuset.cpus")) + "; " +
                 opWrite(path + "/cpuset.mems", show(parent, "cpuset.mems"));
        }
        shell += "cat " + shellQuote(parent + "/cpuset.cpus") + " > " +
                 shellQuote(path + "/cpuset.cpus") + "; cat " +
                 shellQuote(parent + "/cpuset.mems") + " > " + shellQuote(path + "/cpuset.mems");
        steps.push_back(makeStep("cgroup.cpuset",
                                 "Give the cgroup its parent's CPUs and memory nodes (cpuset)", op,
                                 shell, [fs, root, parent, path]() -> Status {
                                     if (auto st = copyCpuset(*fs, root, parent); !st)
                                         return st;
                                     return copyCpuset(*fs, parent, path);
                                 }));
    }
    return steps;
}

Result<std::vector<Step>> CgroupDriver::planLimits(const CgroupLimits &limits) const
{
    auto mapped = mapCgroupLimits(limits, mode(), limitOptions());
    if (!mapped)
        return std::unexpected(mapped.error());
    std::vector<Step> steps;
    auto fs = m_fs;
    const auto v2Ctrls =
        mode() == CgroupMode::Unified ? availableV2Controllers() : std::vector<std::string>{};
    for (const CgroupWrite &w : mapped->writes) {
        std::string dir;
        if (mode() == CgroupMode::Unified) {
            if (std::find(v2Ctrls.begin(), v2Ctrls.end(), w.controller) == v2Ctrls.end())
                return fail(ErrorCode::Unsupported,
                            "the " + w.controller +
                                " controller is not available in this host's cgroup2 (not in " +
                                m_layout.unifiedMount + "/cgroup.controllers): cannot set " +
                                w.file);
            dir = unifiedDir()->path;
        } else {
            const CgroupDir *d = dirWith(w.controller);
            if (!d)
                return fail(ErrorCode::Unsupported,
                            "the " + w.controller +
                                " controller is not mounted on this host (no v1 hierarchy "
                                "carries it): cannot set " +
                                w.file);
            dir = d->path;
        }
        const std::string file = dir + "/" + w.file;
        const std::string value = w.value;
        // Swap files vanish when the kernel runs without swap accounting; Docker
        // then warns and goes on without a swap limit, and so does this step.
        const bool optional = w.key == "cgroup.limit.memsw" || w.key == "cgroup.limit.swap";
        Step s = makeStep(w.key, w.title, opWrite(file, value), shellWrite(file, value),
                          [fs, file, value, optional]() -> Status {
                              if (optional && !fs->exists(file))
                                  return {};
                              return writeChecked(*fs, file, value);
                          });
        if ((w.file == "cpu.cfs_quota_us" || w.file == "cpu.max") && !mapped->warnings.empty())
            s.record.setMessage(mapped->warnings.front());
        steps.push_back(std::move(s));
    }
    for (const CgroupWrite &w : mapped->skipped) {
        Step s =
            makeStep(w.key, "Skip: " + w.title, "(nothing written: " + w.file + " " + w.note + ")",
                     "# " + w.note, [] { return Status{}; });
        s.record.setMessage(w.note);
        steps.push_back(std::move(s));
    }
    return steps;
}

std::vector<Step> CgroupDriver::planJoin(pid_t pid) const
{
    std::vector<Step> steps;
    auto fs = m_fs;
    const std::string value = std::to_string(pid);
    for (const auto &d : m_dirs) {
        const std::string file = d.path + "/cgroup.procs";
        steps.push_back(makeStep("cgroup.join",
                                 "Move process " + value + " into the container's cgroup" +
                                     hierarchyLabel(d, mode()),
                                 opWrite(file, value), shellWrite(file, value),
                                 [fs, file, value] { return writeChecked(*fs, file, value); }));
    }
    return steps;
}

std::vector<Step> CgroupDriver::planKill() const
{
    std::vector<Step> steps;
    auto fs = m_fs;
    auto dirs = m_dirs;
    const int timeout = m_settleTimeoutMs;
    const std::string firstProcs = m_dirs.front().path + "/cgroup.procs";

    const CgroupDir *u = unifiedDir();
    // cgroup.kill (Linux 5.14) kills a whole v2 subtree in one write, with no race
    // against forks. In Hybrid the same processes are in the v1 dirs, so one write
    // in the unified tree kills them everywhere.
    // Planned before the cgroup exists, the kernel cannot be asked: assume a recent
    // one; the step falls back to SIGKILLs when the file turns out to be missing.
    const bool killFile =
        u && (m_fs->exists(u->path + "/cgroup.kill") || m_fs->exists(u->parent + "/cgroup.kill") ||
              !m_fs->exists(u->parent));
    if (killFile) {
        const std::string dir = u->path, file = u->path + "/cgroup.kill";
        steps.push_back(makeStep("cgroup.kill", "Kill every process in the cgroup at once",
                                 opWrite(file, "1"), shellWrite(file, "1"),
                                 [fs, dirs, dir, file]() -> Status {
                                     // After the init's exit (a pid namespace dies with
                                     // it) there is usually nobody left to kill.
                                     if (populated(*fs, dir) == false || !fs->exists(dir))
                                         return {};
                                     if (fs->exists(file))
                                         return writeChecked(*fs, file, "1");
                                     return killEach(*fs, pidsIn(*fs, dirs));
                                 }));
    } else {
        // v1: freeze first so that no process can fork between reading
        // cgroup.procs and the kill (runc does the same), then thaw so they die.
        const CgroupDir *freezer = dirWith("freezer");
        std::string state = freezer ? freezer->path + "/freezer.state" : std::string();
        if (freezer) {
            const std::string dir = freezer->path;
            Step s = makeStep("cgroup.freeze", "Freeze the container so no process can fork",
                              opWrite(state, "FROZEN"), shellWrite(state, "FROZEN"),
                              [fs, dir, state]() -> Status {
                                  if (!fs->exists(dir))
                                      return {};
                                  return writeChecked(*fs, state, "FROZEN");
                              });
            s.rollback = [fs, dir, state]() -> Status {
                if (!fs->exists(dir))
                    return {};
                return writeChecked(*fs, state, "THAWED");
            };
            s.rollbackTitle = "Thaw the container";
            s.rollbackOp = opWrite(state, "THAWED");
            s.rollbackShell = shellWrite(state, "THAWED");
            steps.push_back(std::move(s));
        }
        steps.push_back(
            makeStep("cgroup.kill", "Send SIGKILL to every process in the cgroup",
                     "kill(pid, SIGKILL) for each pid in " + firstProcs,
                     "for p in $(cat " + shellQuote(firstProcs) + "); do kill -9 \"$p\"; done",
                     [fs, dirs] { return killEach(*fs, pidsIn(*fs, dirs)); }));
        if (freezer) {
            const std::string dir = freezer->path;
            steps.push_back(makeStep("cgroup.thaw",
                                     "Thaw the container so the killed processes can die",
                                     opWrite(state, "THAWED"), shellWrite(state, "THAWED"),
                                     [fs, dir, state]() -> Status {
                                         if (!fs->exists(dir))
                                             return {};
                                         return writeChecked(*fs, state, "THAWED");
                                     }));
        }
    }
    // With a cgroup2 directory (v2 and hybrid) every process of the container is in
    // it: the kernel's own count (cgroup.events) answers at once when it is empty.
    const std::string events = u ? u->path + "/cgroup.events" : std::string();
    steps.push_back(makeStep(
        "cgroup.wait", "Wait until every process has left the cgroup",
        u ? "read(\"" + events + "\") until it says \"populated 0\""
          : "read(\"" + firstProcs + "\") until it is empty",
        u ? "until grep -q 'populated 0' " + shellQuote(events) + "; do sleep 0.1; done"
          : "while [ -s " + shellQuote(firstProcs) + " ]; do sleep 0.1; done",
        [fs, dirs, timeout, unified = u ? u->path : std::string()]() -> Status {
            if (!unified.empty() && populated(*fs, unified) == false)
                return {};
            const int64_t deadline = monotonicNs() + int64_t(timeout) * 1'000'000;
            int pause = 2;
            for (;;) {
                auto left = pidsIn(*fs, dirs);
                if (left.empty())
                    return {};
                if (monotonicNs() >= deadline) {
                    std::string list;
                    for (pid_t p : left)
                        list += (list.empty() ? "" : " ") + std::to_string(p);
                    return fail(ErrorCode::Busy, "processes still in the container's cgroup "
                                                 "after SIGKILL: " +
                                                     list +
                                                     " (stuck in the kernel? see their "
                                                     "/proc/<pid>/stack)");
                }
                // A process forked while the kill was on its way: kill it too.
                if (auto st = killEach(*fs, left); !st)
                    return st;
                sleepMs(pause);
                pause = std::min(pause * 2, 50);
            }
        }));
    return steps;
}

std::vector<Step> CgroupDriver::planRemove() const
{
    std::vector<Step> steps;
    auto fs = m_fs;
    const int timeout = m_settleTimeoutMs;
    for (auto it = m_dirs.rbegin(); it != m_dirs.rend(); ++it) {
        const std::string path = it->path;
        steps.push_back(
            makeStep("cgroup.rmdir", "Remove the container's cgroup" + hierarchyLabel(*it, mode()),
                     opRmdir(path), "rmdir " + shellQuote(path),
                     [fs, path, timeout] { return removeCgroupTree(*fs, path, timeout); }));
    }
    return steps;
}

namespace {

Status runSteps(std::vector<Step> steps)
{
    Plan plan;
    for (auto &s : steps)
        plan.add(std::move(s));
    return plan.run({});
}

} // namespace

Status CgroupDriver::create() const
{
    return runSteps(planCreate());
}

Status CgroupDriver::applyLimits(const CgroupLimits &limits) const
{
    auto steps = planLimits(limits);
    if (!steps)
        return std::unexpected(steps.error());
    return runSteps(std::move(*steps));
}

std::vector<Step> CgroupDriver::planDevices(bool privileged) const
{
    std::vector<Step> steps;
    if (privileged)
        return steps;
    auto fs = m_fs;
    const auto rules = defaultDeviceRules();
    std::string all;
    for (const DeviceRule &r : rules)
        all += (all.empty() ? "" : "; ") + r.text();
    if (const CgroupDir *d = dirWith("devices")) {
        const std::string deny = d->path + "/devices.deny";
        const std::string allow = d->path + "/devices.allow";
        steps.push_back(makeStep("cgroup.devices.deny", "Deny every device to the container",
                                 opWrite(deny, "a"), shellWrite(deny, "a"),
                                 [fs, deny]() { return writeChecked(*fs, deny, "a"); }));
        steps.push_back(makeStep(
            "cgroup.devices.allow", "Allow the default devices (null, zero, random, tty, pts...)",
            "write(\"" + allow + "\", rule) for each of: " + all,
            "for r in '" + rules[2].text() + "' ...; do echo \"$r\" > " + allow + "; done",
            [fs, allow, rules]() -> Status {
                for (const DeviceRule &r : rules) {
                    if (auto st = writeChecked(*fs, allow, r.text()); !st)
                        return st;
                }
                return {};
            }));
        return steps;
    }
    const CgroupDir *u = unifiedDir();
    if (!u)
        return steps;
    // cgroup v2 has no devices controller: the same list becomes an eBPF program
    // that the kernel runs for every open() or mknod() of a device node by a
    // process of this cgroup. It goes when the cgroup does (no rollback needed).
    const std::string dir = u->path;
    auto program = std::make_shared<std::vector<bpf_insn>>(deviceProgram(rules));
    steps.push_back(makeStep(
        "cgroup.devices.bpf", "Allow only the default devices (an eBPF program, cgroup v2)",
        "bpf(BPF_PROG_LOAD, {.prog_type = BPF_PROG_TYPE_CGROUP_DEVICE, .insn_cnt = " +
            std::to_string(program->size()) + "}); bpf(BPF_PROG_ATTACH, {.target_fd = open(\"" +
            dir +
            "\"), .attach_type = BPF_CGROUP_DEVICE, .attach_flags = BPF_F_ALLOW_MULTI}) "
            "/* allows " +
            all + "; denies every other device */",
        "bpftool cgroup show " + dir + "   # lists the program Koker attached",
        [fs, dir, program]() { return fs->attachDeviceProgram(dir, *program); }));
    return steps;
}

Status CgroupDriver::joinPid(pid_t pid) const
{
    if (pid <= 0)
        return fail(ErrorCode::InvalidArgument,
                    "cannot move pid " + std::to_string(pid) + " into a cgroup: not a process");
    const std::string value = std::to_string(pid);
    for (const auto &d : m_dirs) {
        if (auto st = writeChecked(*m_fs, d.path + "/cgroup.procs", value); !st)
            return st;
    }
    return {};
}

Status CgroupDriver::killAll() const
{
    return runSteps(planKill());
}

Status CgroupDriver::remove() const
{
    return runSteps(planRemove());
}

int CgroupDriver::joinSelf(const int *threadFds, size_t count) noexcept
{
    // No allocation, no stdio: this runs between clone() and execve().
    for (size_t i = 0; i < count; ++i) {
        ssize_t n;
        do {
            n = ::write(threadFds[i], "0", 1);
        } while (n < 0 && errno == EINTR);
        if (n < 0)
            return errno;
        if (n != 1)
            return EIO;
    }
    return 0;
}

bool CgroupDriver::exists() const
{
    return std::any_of(m_dirs.begin(), m_dirs.end(),
                       [&](const CgroupDir &d) { return m_fs->exists(d.path); });
}

Result<std::vector<pid_t>> CgroupDriver::pids() const
{
    return pidsIn(*m_fs, m_dirs);
}

Result<bool> CgroupDriver::isEmpty() const
{
    auto p = pids();
    if (!p)
        return std::unexpected(p.error());
    return p->empty();
}

Result<CgroupStats> CgroupDriver::stats() const
{
    if (!exists())
        return fail(ErrorCode::NotFound, "the cgroup of container " + m_id + " does not exist");
    CgroupStats s;
    auto read = [&](const std::string &path) -> std::string {
        auto text = m_fs->readFile(path);
        return text ? *text : std::string();
    };
    auto times = [](std::optional<int64_t> v, int64_t factor) -> std::optional<int64_t> {
        if (v)
            return *v * factor;
        return std::nullopt;
    };
    if (mode() == CgroupMode::Unified) {
        const std::string p = unifiedDir()->path;
        s.memoryUsageBytes = cgroupLimitValue(read(p + "/memory.current"));
        s.memoryLimitBytes = cgroupLimitValue(read(p + "/memory.max"));
        s.oomKills = cgroupKeyedValue(read(p + "/memory.events"), "oom_kill");
        const std::string cpu = read(p + "/cpu.stat");
        s.cpuUsageNs = times(cgroupKeyedValue(cpu, "usage_usec"), 1000);
        s.cpuPeriods = cgroupKeyedValue(cpu, "nr_periods");
        s.cpuThrottledPeriods = cgroupKeyedValue(cpu, "nr_throttled");
        s.cpuThrottledNs = times(cgroupKeyedValue(cpu, "throttled_usec"), 1000);
        s.pidsCurrent = cgroupLimitValue(read(p + "/pids.current"));
        s.pidsMax = cgroupLimitValue(read(p + "/pids.max"));
        return s;
    }
    if (const CgroupDir *m = dirWith("memory")) {
        s.memoryUsageBytes = cgroupLimitValue(read(m->path + "/memory.usage_in_bytes"));
        s.memoryLimitBytes = cgroupLimitValue(read(m->path + "/memory.limit_in_bytes"));
        s.oomKills = cgroupKeyedValue(read(m->path + "/memory.oom_control"), "oom_kill");
    }
    if (const CgroupDir *a = dirWith("cpuacct"))
        s.cpuUsageNs = cgroupLimitValue(read(a->path + "/cpuacct.usage"));
    if (const CgroupDir *c = dirWith("cpu")) {
        const std::string cpu = read(c->path + "/cpu.stat");
        s.cpuPeriods = cgroupKeyedValue(cpu, "nr_periods");
        s.cpuThrottledPeriods = cgroupKeyedValue(cpu, "nr_throttled");
        s.cpuThrottledNs = cgroupKeyedValue(cpu, "throttled_time");
    }
    if (const CgroupDir *p = dirWith("pids")) {
        s.pidsCurrent = cgroupLimitValue(read(p->path + "/pids.current"));
        s.pidsMax = cgroupLimitValue(read(p->path + "/pids.max"));
    }
    return s;
}

} // namespace koker
