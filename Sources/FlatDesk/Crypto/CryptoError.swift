import Foundation

/// Failures of the password hasher and the secret store.
public enum CryptoError: Error, Equatable, CustomStringConvertible {
    /// `sodium_init()` returned -1, so no libsodium function can be used.
    case sodiumUnavailable
    /// A libsodium function returned an error code.
    case sodiumFailed(function: String, code: Int32)
    /// A secret name is empty, too long, or contains characters outside `[a-z0-9._-]`.
    case invalidSecretName(String)
    /// A file system call on the secret store failed.
    case secretStoreFailed(operation: String, path: String, errno: Int32)
    /// A stored secret is not valid UTF-8.
    case secretNotUTF8(path: String)

    public var description: String {
        switch self {
        case .sodiumUnavailable:
            "sodium_init failed; check that libsodium is installed and /dev/urandom is readable"
        case .sodiumFailed(let function, let code):
            "\(function) failed with code \(code); the process may be out of memory"
        case .invalidSecretName(let name):
            "invalid secret name \(String(reflecting: name)): use 1 to \(SecretStore.maximumNameLength) "
                + "characters from a-z, 0-9, '.', '_' and '-', starting with a letter or digit"
        case .secretStoreFailed(let operation, let path, let code):
            "\(operation) failed on \(path): \(String(cString: strerror(code))); "
                + "check that the folder exists and belongs to the server's user"
        case .secretNotUTF8(let path):
            "secret file \(path) is not valid UTF-8; rewrite it with the secret store"
        }
    }
}
