import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard input, output and error opened on `/dev/null` when gloss was started with them
/// closed (`2>&-`), so the files gloss opens next can't take descriptors 0–2 and receive
/// its messages (a warning written into the journal) or be read as answers.
enum StandardDescriptors {
    static func makeSafe() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            // The lowest free descriptor, which is `fd` (those below it are open).
            let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != fd {
                _ = dup2(null, fd)
                _ = close(null)
            }
        }
    }
}
