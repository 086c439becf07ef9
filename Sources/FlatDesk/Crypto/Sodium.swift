import CSodium

/// Initializes libsodium once per process before any other libsodium call.
enum Sodium {
    private static let initResult: Int32 = sodium_init()

    /// Runs `sodium_init()` on first use; later calls only read the stored result.
    /// - Throws: `CryptoError.sodiumUnavailable` when initialization failed.
    static func ensureInitialized() throws(CryptoError) {
        // sodium_init returns 0 on first success, 1 when already initialized and -1 on failure.
        guard initResult >= 0 else { throw .sodiumUnavailable }
    }

    /// Throws `CryptoError.sodiumFailed` when a libsodium result is not zero.
    static func check(_ result: Int32, _ function: String) throws(CryptoError) {
        guard result == 0 else { throw .sodiumFailed(function: function, code: result) }
    }
}
