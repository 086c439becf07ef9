import Foundation

/// Paths and file operations for the mail state kept outside the tracked tree, under `<git dir>/flatdesk/`.
enum MailLocalFiles {
    /// Returns the path `<git dir>/flatdesk/<name>` of a helpdesk.
    static func folder(_ name: String, gitDirectory: String) -> String {
        let base = gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/"
        return base + "flatdesk/" + name
    }

    /// Creates `path` and its missing parents with mode 0700.
    static func createFolder(_ path: String) throws(MailIntakeError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0, errno != EEXIST {
                throw .storageFailed(operation: "mkdir", path: current, errno: errno)
            }
        }
    }

    /// Writes `bytes` to `path` through a temporary file and `rename(2)`, so readers never see a partial file.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(MailIntakeError) {
        let temporary =
            (path as NSString).deletingLastPathComponent + "/." + (path as NSString).lastPathComponent
            + "." + SecureRandom.token(byteCount: 6) + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .storageFailed(operation: "create", path: temporary, errno: errno) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw .storageFailed(operation: "write", path: temporary, errno: code)
            }
            offset += written
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .storageFailed(operation: "rename to \(path)", path: temporary, errno: code)
        }
    }
}
