#include "cgrouphostfs.h"

#include "devicepolicy.h"
#include "fsutil.h"
#include "uniquefd.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace koker {

Status CgroupHostFs::makeDirectory(const std::string &path, mode_t mode)
{
    if (::mkdir(path.c_str(), mode) != 0)
        return failErrno("mkdir " + path);
    return {};
}

Status CgroupHostFs::removeDirectory(const std::string &path)
{
    if (::rmdir(path.c_str()) != 0)
        return failErrno("rmdir " + path);
    return {};
}

Result<std::string> CgroupHostFs::readFile(const std::string &path)
{
    // cgroup.procs of a big cgroup can be long, but 4 MiB is far beyond any of ours.
    return fs::readFile(path, 4u << 20);
}

Status CgroupHostFs::writeFile(const std::string &path, std::string_view value)
{
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return failErrno("open " + path + " for writing");
    for (;;) {
        ssize_t n = ::write(fd.get(), value.data(), value.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failErrno("write \"" + std::string(value) + "\" to " + path);
        if (static_cast<size_t>(n) != value.size())
            return fail(ErrorCode::System, "short write of \"" + std::string(value) + "\" to " +
                                               path + ": the kernel took " + std::to_string(n) +
                                               " bytes");
        return {};
    }
}

bool CgroupHostFs::exists(const std::string &path)
{
    return ::faccessat(AT_FDCWD, path.c_str(), F_OK, AT_SYMLINK_NOFOLLOW) == 0;
}

Result<std::vector<std::string>> CgroupHostFs::listDirectories(const std::string &path)
{
    auto dirFd = fs::openDirectory(path);
    if (!dirFd)
        return std::unexpected(dirFd.error());
    // cgroupfs (kernfs) keeps a directory's link count at 2 + its subdirectories:
    // a cgroup without children needs no walk over its dozens of interface files.
    struct stat st
    {};
    if (::fstat(dirFd->get(), &st) == 0 && st.st_nlink == 2)
        return std::vector<std::string>{};
    DIR *dir = ::fdopendir(dirFd->get());
    if (!dir)
        return failErrno("list " + path);
    dirFd->release(); // closedir closes it
    std::vector<std::string> names;
    while (dirent *e = ::readdir(dir)) {
        std::string_view name(e->d_name);
        if (name == "." || name == ".." || e->d_type != DT_DIR)
            continue;
        names.emplace_back(name);
    }
    ::closedir(dir);
    return names;
}

Status CgroupHostFs::signalProcess(pid_t pid, int signal)
{
    if (pid <= 0)
        return fail(ErrorCode::InvalidArgument,
                    "refusing to signal pid " + std::to_string(pid) + ": not a single process");
    if (::kill(pid, signal) != 0)
        return failErrno("kill(" + std::to_string(pid) + ", " + std::to_string(signal) + ")");
    return {};
}

Status CgroupHostFs::attachDeviceProgram(const std::string &path, std::span<const bpf_insn> program)
{
    UniqueFd dir(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir)
        return failErrno("open " + path);
    auto prog = loadDeviceProgram(program);
    if (!prog)
        return std::unexpected(withContext(prog.error(), path));
    if (auto st = koker::attachDeviceProgram(dir.get(), prog->get()); !st)
        return std::unexpected(withContext(st.error(), path));
    return {};
}

std::shared_ptr<CgroupFs> hostCgroupFs()
{
    static const std::shared_ptr<CgroupFs> instance = std::make_shared<CgroupHostFs>();
    return instance;
}

} // namespace koker
