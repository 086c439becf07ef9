import Foundation

/// Secrets (API tokens, SMTP passwords, session keys) kept as one file per secret in a folder outside
/// the tracked files, readable by the server's user only.
///
/// The folder is created with mode 0700 and each file written with mode 0600 through a temporary file and
/// `rename(2)`, so a reader sees the old value or the new one, never a partial write.
public struct SecretStore: Sendable {
    /// Longest accepted secret name, in characters.
    public static let maximumNameLength = 128
    /// Environment variable that overrides the default folder.
    public static let directoryEnvironmentKey = "FLATDESK_SECRETS_DIR"

    /// Path of the folder that contains the secret files.
    public let directory: String

    /// Creates a store on a folder; the folder is created on the first write.
    public init(directory: String) {
        self.directory = directory
    }

    /// Creates the store for a helpdesk repository: `FLATDESK_SECRETS_DIR` when set and not empty,
    /// otherwise `<repository>/.git/flatdesk/secrets`.
    /// - Parameters:
    ///   - repositoryRoot: the work tree root, the folder that contains `.git`.
    ///   - environment: the process environment; tests pass their own.
    public static func forRepository(
        at repositoryRoot: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> SecretStore {
        if let override = environment[directoryEnvironmentKey], !override.isEmpty {
            return SecretStore(directory: override)
        }
        // NOTE: in a linked git worktree `.git` is a file, so this path cannot be created there.
        return SecretStore(directory: repositoryRoot + "/.git/flatdesk/secrets")
    }

    /// Returns the path of a secret's file after checking the name.
    /// - Throws: `CryptoError.invalidSecretName` for a name that could leave the folder or hide a file.
    public func path(of name: String) throws(CryptoError) -> String {
        try Self.validate(name)
        return directory + "/" + name
    }

    /// Reads a secret as UTF-8 text.
    /// - Returns: nil when no secret of that name exists.
    /// - Throws: `CryptoError` for an invalid name, an unreadable file or bytes that are not UTF-8.
    public func read(_ name: String) throws(CryptoError) -> String? {
        guard let bytes = try readBytes(name) else { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .secretNotUTF8(path: try path(of: name))
        }
        return text
    }

    /// Reads a secret's raw bytes.
    /// - Returns: nil when no secret of that name exists.
    public func readBytes(_ name: String) throws(CryptoError) -> [UInt8]? {
        let path = try path(of: name)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw .secretStoreFailed(operation: "open", path: path, errno: errno)
        }
        defer { close(descriptor) }
        return try Self.readAll(descriptor, path: path)
    }

    /// Stores a secret as UTF-8 text, replacing any earlier value atomically.
    public func write(_ name: String, _ value: String) throws(CryptoError) {
        try writeBytes(name, Array(value.utf8))
    }

    /// Stores a secret's raw bytes, replacing any earlier value atomically.
    /// - Throws: `CryptoError` naming the path of the folder, temporary file or secret that failed.
    public func writeBytes(_ name: String, _ value: [UInt8]) throws(CryptoError) {
        let path = try path(of: name)
        try createDirectory()
        let temporaryPath = try Self.writeTemporaryFile(in: directory, for: name, contents: value)
        guard rename(temporaryPath, path) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw .secretStoreFailed(operation: "rename to \(path)", path: temporaryPath, errno: code)
        }
        Self.syncDirectory(directory)
    }

    /// The identity of one version of a secret's file. A write replaces the file, so the inode changes.
    public struct FileStamp: Equatable, Sendable {
        var inode: UInt64
        var size: Int64
        var modified: Int64
    }

    /// Returns the stamp of a secret's file, or nil when it does not exist or cannot be examined.
    public func stamp(_ name: String) -> FileStamp? {
        guard let path = try? path(of: name) else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return FileStamp(inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: modified)
    }

    /// Runs `body` while holding an exclusive `flock(2)` on the secret `name`, created empty when missing,
    /// so that processes changing the same secrets one after another do not lose each other's changes.
    public func withExclusiveLock<T>(_ name: String, _ body: () throws -> T) throws -> T {
        let path = try path(of: name)
        try createDirectory()
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw CryptoError.secretStoreFailed(operation: "open", path: path, errno: errno) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else {
            throw CryptoError.secretStoreFailed(operation: "flock", path: path, errno: errno)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Deletes a secret.
    /// - Returns: false when no secret of that name existed.
    @discardableResult
    public func delete(_ name: String) throws(CryptoError) -> Bool {
        let path = try path(of: name)
        guard unlink(path) == 0 else {
            if errno == ENOENT { return false }
            throw .secretStoreFailed(operation: "unlink", path: path, errno: errno)
        }
        return true
    }

    /// Creates the folder and any missing parents with mode 0700, then sets 0700 on the folder itself
    /// so that an existing folder with wider permissions is tightened.
    public func createDirectory() throws(CryptoError) {
        var current = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0, errno != EEXIST {
                throw .secretStoreFailed(operation: "mkdir", path: current, errno: errno)
            }
        }
        guard chmod(directory, 0o700) == 0 else {
            throw .secretStoreFailed(operation: "chmod 0700", path: directory, errno: errno)
        }
    }
}
