#pragma once

// What the run dialog needs to know about the host the helper runs on: the cgroup
// mode decides which files a limit writes, the CPUs and memory bound the sliders,
// and swap accounting decides whether a swap limit is written at all. The main
// window fills it from HelperClient::getInfo (Manager.GetInfo) and hands it over.

#include "runtime/cgroupmode.h"

#include <QtCore/QString>
#include <QtCore/QVariantMap>

namespace koker::studio {

struct HostInfo
{
    /// False until the helper answered: the dialog then says the mode is a guess.
    bool known = false;
    /// How this host lays out its cgroups (Debian 12 boots Unified).
    CgroupMode cgroupMode = CgroupMode::Unified;
    /// CPUs of the host; 0 = unknown.
    int hostCpus = 0;
    /// Memory of the host in bytes; 0 = unknown.
    qint64 hostMemory = 0;
    /// Whether the kernel accounts swap (memory.memsw.* on v1, memory.swap.max on v2).
    bool swapAccounting = true;

    /// From GetInfo's reply: cgroupMode (s), hostCpus (i), hostMemory (t), swapAccounting (b).
    static HostInfo fromInfoMap(const QVariantMap &info)
    {
        HostInfo h;
        const QString mode = info.value(QStringLiteral("cgroupMode")).toString();
        h.known = !mode.isEmpty();
        h.cgroupMode = mode == QLatin1StringView("legacy")   ? CgroupMode::Legacy
                       : mode == QLatin1StringView("hybrid") ? CgroupMode::Hybrid
                                                             : CgroupMode::Unified;
        h.hostCpus = info.value(QStringLiteral("hostCpus")).toInt();
        h.hostMemory = info.value(QStringLiteral("hostMemory")).toLongLong();
        h.swapAccounting = info.value(QStringLiteral("swapAccounting"), true).toBool();
        return h;
    }

    bool operator==(const HostInfo &) const = default;
};

} // namespace koker::studio
