#pragma once

// The one error type of the runtime and the engine. A failure carries a code the
// callers switch on, the errno that caused it (0 if none), the step it happened in
// and an English message for logs. Only the CLI and the GUI turn codes into
// sentences for users; the D-Bus layer maps codes to its fixed list of error names.

#include <cerrno>
#include <expected>
#include <string>
#include <utility>

namespace koker {

enum class ErrorCode
{
    InvalidArgument, // the caller gave something malformed (a name, a size, a flag)
    NotFound,        // no such image, container, layer, file
    AlreadyExists,   // a name that is taken
    Busy,            // in use (an image used by a container, a running container)
    PermissionDenied,
    Unsupported,   // valid, but not something this host or this version can do
    Unavailable,   // a service it needs is not there (kokerd not on the system bus)
    Unsafe,        // hostile input refused: a path escaping a root, a bad whiteout
    Corrupt,       // content that does not match its digest, size or format
    LimitExceeded, // a size, count or time bound was hit
    Network,       // transport errors talking to a registry
    Unauthorized,  // a registry or the helper refused our credentials
    Cancelled,
    System,   // a syscall failed; sysErrno says which way
    Internal, // a bug: an invariant did not hold
};

/// Short stable name of a code, used in logs and in D-Bus error names.
const char *errorCodeName(ErrorCode code);

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    int sysErrno = 0;
    std::string step;
    std::string message;

    /// "message: strerror(errno)" (and " [step]" when the step is known).
    std::string describe() const;
};

template <class T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

/// An error without errno: `return fail(ErrorCode::NotFound, "no such image");`
inline std::unexpected<Error> fail(ErrorCode code, std::string message)
{
    return std::unexpected(Error{code, 0, {}, std::move(message)});
}

/// An error from a failed syscall; takes errno at the call, so call it right away.
inline std::unexpected<Error> failErrno(std::string message, int err = errno)
{
    ErrorCode code = ErrorCode::System;
    switch (err) {
    case ENOENT:
        code = ErrorCode::NotFound;
        break;
    case EEXIST:
        code = ErrorCode::AlreadyExists;
        break;
    case EBUSY:
        code = ErrorCode::Busy;
        break;
    case EPERM:
    case EACCES:
        code = ErrorCode::PermissionDenied;
        break;
    case EXDEV:
    case ELOOP:
        code = ErrorCode::Unsafe;
        break;
    default:
        break;
    }
    return std::unexpected(Error{code, err, {}, std::move(message)});
}

/// Prefix the message of an error with context, keeping code and errno.
inline Error withContext(Error e, const std::string &context)
{
    e.message = context + ": " + e.message;
    return e;
}

} // namespace koker
