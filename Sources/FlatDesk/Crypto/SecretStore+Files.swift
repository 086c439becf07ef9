import Foundation

extension SecretStore {
    /// Accepts 1 to `maximumNameLength` characters from `[a-z0-9._-]` starting with a letter or digit, which
    /// rules out `.`, `..`, path separators and the dot-prefixed temporary files.
    static func validate(_ name: String) throws(CryptoError) {
        let bytes = Array(name.utf8)
        let allowed = { (byte: UInt8) in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        guard let first = bytes.first, bytes.count <= maximumNameLength, bytes.allSatisfy(allowed),
            first != UInt8(ascii: "."), first != UInt8(ascii: "_"), first != UInt8(ascii: "-")
        else { throw .invalidSecretName(name) }
    }

    /// Writes `contents` to a new file `.<name>.XXXXXX` with mode 0600, flushed to disk.
    /// - Returns: the temporary file's path; the caller renames it into place.
    static func writeTemporaryFile(in directory: String, for name: String, contents: [UInt8]) throws(CryptoError)
        -> String
    {
        var template = Array((directory + "/." + name + ".XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard descriptor >= 0 else { throw .secretStoreFailed(operation: "mkstemp", path: path, errno: errno) }
        defer { close(descriptor) }
        do throws(CryptoError) {
            try checkFile(fchmod(descriptor, 0o600), "fchmod 0600", path)
            try writeAll(descriptor, contents, path: path)
            try checkFile(fsync(descriptor), "fsync", path)
        } catch {
            unlink(path)
            throw error
        }
        return path
    }

    /// Turns a file system call's -1 into `CryptoError.secretStoreFailed` with the current errno.
    static func checkFile(_ result: Int32, _ operation: String, _ path: String) throws(CryptoError) {
        guard result == 0 else { throw .secretStoreFailed(operation: operation, path: path, errno: errno) }
    }

    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(CryptoError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .secretStoreFailed(operation: "write", path: path, errno: errno)
            }
            offset += written
        }
    }

    static func readAll(_ descriptor: Int32, path: String) throws(CryptoError) -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = Foundation.read(descriptor, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw .secretStoreFailed(operation: "read", path: path, errno: errno)
            }
            if count == 0 { return result }
            result += buffer[..<count]
        }
    }

    /// Flushes the folder entry after a rename so the new name survives a crash; failures are ignored
    /// because the secret itself is already written.
    static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
