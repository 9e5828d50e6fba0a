/* kokercheck: run inside a container, checks the confinement Koker promises
 * (docs/security.md), like runtime-tools' runtimetest. Static, no libraries, so
 * it runs in any image. Prints "ok NAME" or "FAIL NAME: why" per check and exits
 * 1 if anything failed.
 *
 *   kokercheck [--privileged]
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/keyctl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static int failures;

static void report(const char *name, int ok, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#include <stdarg.h>
static void report(const char *name, int ok, const char *fmt, ...)
{
    if (ok) {
        printf("ok %s\n", name);
        return;
    }
    failures++;
    printf("FAIL %s: ", name);
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

/* The hex value of a "Cap...:" line of /proc/self/status. */
static unsigned long long statusHex(const char *key)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    unsigned long long v = ~0ull;
    size_t n = strlen(key);
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, key, n) == 0 && line[n] == ':')
            v = strtoull(line + n + 1, NULL, 16);
    }
    if (f)
        fclose(f);
    return v;
}

static long statusDec(const char *key)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    size_t n = strlen(key);
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, key, n) == 0 && line[n] == ':')
            v = strtol(line + n + 1, NULL, 10);
    }
    if (f)
        fclose(f);
    return v;
}

/* Docker's default capabilities. */
static const int defaults[] = {0, 1, 3, 4, 5, 6, 7, 8, 10, 13, 18, 27, 29, 31};

int main(int argc, char **argv)
{
    int privileged = argc > 1 && strcmp(argv[1], "--privileged") == 0;
    unsigned long long want = 0;
    for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
        want |= 1ull << defaults[i];

    unsigned long long inh = statusHex("CapInh"), amb = statusHex("CapAmb");
    unsigned long long eff = statusHex("CapEff"), prm = statusHex("CapPrm");
    unsigned long long bnd = statusHex("CapBnd");
    report("caps.inheritable-empty", inh == 0, "CapInh=%llx", inh);
    report("caps.ambient-empty", amb == 0, "CapAmb=%llx", amb);
    if (!privileged) {
        report("caps.effective-default", eff == want, "CapEff=%llx, expected %llx", eff, want);
        report("caps.permitted-default", prm == want, "CapPrm=%llx, expected %llx", prm, want);
        report("caps.bounding-default", bnd == want, "CapBnd=%llx, expected %llx", bnd, want);
        long nnp = statusDec("NoNewPrivs"), seccomp = statusDec("Seccomp");
        report("no-new-privs", nnp == 1, "NoNewPrivs=%ld", nnp);
        report("seccomp.filter", seccomp == 2, "Seccomp=%ld", seccomp);
    }

    /* Only stdio may be open: no fd of the monitor, the engine or the host. */
    DIR *d = opendir("/proc/self/fd");
    int extra = 0;
    char which[256] = "";
    struct dirent *e;
    while (d && (e = readdir(d))) {
        int fd = atoi(e->d_name);
        if (e->d_name[0] == '.' || fd <= 2 || fd == dirfd(d))
            continue;
        char link[64], target[128] = "";
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        ssize_t n = readlink(link, target, sizeof target - 1);
        if (n > 0)
            target[n] = '\0';
        snprintf(which + strlen(which), sizeof which - strlen(which), " %d->%s", fd, target);
        extra++;
    }
    if (d)
        closedir(d);
    report("fds.only-stdio", extra == 0, "extra fds:%s", which);

    /* /proc/self/exe is this program, inside the container (CVE-2019-5736). */
    char exe[256] = "";
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0)
        exe[n] = '\0';
    report("exe.is-own-binary", n > 0 && strstr(exe, "kokercheck") != NULL, "exe=%s", exe);

    char cwd[256];
    report("cwd.inside", getcwd(cwd, sizeof cwd) && cwd[0] == '/', "cwd unreachable");

    if (!privileged) {
        /* Masked paths read as empty. */
        int fd = open("/proc/kcore", O_RDONLY);
        char buf[16];
        report("masked./proc/kcore", fd < 0 || read(fd, buf, sizeof buf) <= 0,
               "/proc/kcore is readable");
        if (fd >= 0)
            close(fd);
        fd = open("/proc/keys", O_RDONLY);
        report("masked./proc/keys", fd < 0 || read(fd, buf, sizeof buf) <= 0,
               "/proc/keys is readable");
        if (fd >= 0)
            close(fd);
        /* Read-only paths refuse writes. */
        fd = open("/proc/sys/kernel/hostname", O_WRONLY);
        report("readonly./proc/sys", fd < 0 && errno == EROFS, "open for writing: %s",
               fd < 0 ? strerror(errno) : "succeeded");
        if (fd >= 0)
            close(fd);
        fd = open("/proc/sysrq-trigger", O_WRONLY);
        report("readonly./proc/sysrq-trigger", fd < 0, "open for writing succeeded");
        if (fd >= 0)
            close(fd);
        fd = open("/sys/kernel/uevent_helper", O_WRONLY);
        report("readonly./sys", fd < 0, "open for writing succeeded");
        if (fd >= 0)
            close(fd);

        /* seccomp and capabilities refuse what a container must not do. */
        errno = 0;
        long r = syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, NULL);
        report("seccomp.keyctl", r < 0 && errno == EPERM, "keyctl: %s",
               r < 0 ? strerror(errno) : "allowed");
        r = syscall(SYS_bpf, 0, NULL, 0);
        report("seccomp.bpf", r < 0 && errno == EPERM, "bpf: %s",
               r < 0 ? strerror(errno) : "allowed");
        r = ptrace(PTRACE_ATTACH, 1, NULL, NULL);
        report("seccomp.ptrace", r < 0 && errno == EPERM, "ptrace: %s",
               r < 0 ? strerror(errno) : "allowed");
        r = unshare(CLONE_NEWNS);
        report("seccomp.unshare", r < 0 && errno == EPERM, "unshare: %s",
               r < 0 ? strerror(errno) : "allowed");
        r = mount("none", "/tmp", "tmpfs", 0, NULL);
        report("mount.refused", r < 0 && (errno == EPERM || errno == EACCES), "mount: %s",
               r < 0 ? strerror(errno) : "allowed");
        /* The device allow-list: a disk node can be made but not opened. */
        unlink("/dev/kokercheck-disk");
        if (mknod("/dev/kokercheck-disk", S_IFBLK | 0600, makedev(8, 0)) == 0) {
            fd = open("/dev/kokercheck-disk", O_RDONLY);
            report("devices.disk-refused", fd < 0 && errno == EPERM, "open of 8:0: %s",
                   fd < 0 ? strerror(errno) : "allowed");
            if (fd >= 0)
                close(fd);
            unlink("/dev/kokercheck-disk");
        } else {
            report("devices.disk-refused", 1, "%s", "mknod refused");
        }
        fd = open("/dev/null", O_WRONLY);
        report("devices.null-allowed", fd >= 0, "/dev/null: %s", strerror(errno));
        if (fd >= 0)
            close(fd);
    }
    printf("%s\n", failures ? "SOME CHECKS FAILED" : "ALL CHECKS PASSED");
    return failures ? 1 : 0;
}
