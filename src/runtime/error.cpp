#include "error.h"

#include <cstring>

namespace koker {

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return "InvalidArgument";
    case ErrorCode::NotFound:
        return "NotFound";
    case ErrorCode::AlreadyExists:
        return "AlreadyExists";
    case ErrorCode::Busy:
        return "Busy";
    case ErrorCode::PermissionDenied:
        return "PermissionDenied";
    case ErrorCode::Unsupported:
        return "Unsupported";
    case ErrorCode::Unavailable:
        return "Unavailable";
    case ErrorCode::Unsafe:
        return "Unsafe";
    case ErrorCode::Corrupt:
        return "Corrupt";
    case ErrorCode::LimitExceeded:
        return "LimitExceeded";
    case ErrorCode::Network:
        return "Network";
    case ErrorCode::Unauthorized:
        return "Unauthorized";
    case ErrorCode::Cancelled:
        return "Cancelled";
    case ErrorCode::System:
        return "System";
    case ErrorCode::Internal:
        return "Internal";
    }
    return "Internal";
}

std::string Error::describe() const
{
    std::string text = message;
    if (sysErrno != 0) {
        text += ": ";
        text += strerrordesc_np(sysErrno) ? strerrordesc_np(sysErrno) : "unknown error";
    }
    if (!step.empty())
        text += " [" + step + "]";
    return text;
}

} // namespace koker
