// koker-bench-oci-seccomp: koker's seccomp filter for a default container, as the
// `linux.seccomp` object of an OCI bundle (runc's config.json). bench/lib.sh puts it
// into the runc bundle the benchmarks compare with, so that runc confines its
// container the way koker does (Docker and Podman also hand runc such a profile).
//
// Usage: koker-bench-oci-seccomp > seccomp.json

#include "engine/containerservice.h"
#include "runtime/seccompfilter.h"

#include <cstdio>

int main()
{
    const std::string profile = koker::seccompProfileOci(koker::defaultCapabilities());
    std::fwrite(profile.data(), 1, profile.size(), stdout);
    return std::ferror(stdout) ? 1 : 0;
}
