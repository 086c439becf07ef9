/// Checks a raw request path before routing and decodes it.
enum HTTPPathSafety {
    /// Returns the percent-decoded path, or nil when the path must be rejected with 400.
    ///
    /// Rejected: a path not starting with `/`; encoded `/`, `\` or NUL (`%2f`, `%5c`, `%00`); a decoded NUL
    /// or backslash; invalid UTF-8; and `.` or `..` segments, whether written plainly or encoded (`%2e%2e`).
    static func decodedPath(_ rawPath: String) -> String? {
        guard rawPath.hasPrefix("/") else { return nil }
        let lowered = rawPath.lowercased()
        for encoded in ["%2f", "%5c", "%00"] where lowered.contains(encoded) {
            return nil
        }
        let bytes = HTTPPercentDecoding.decode(Array(rawPath.utf8), plusAsSpace: false)
        guard !bytes.contains(0), !bytes.contains(UInt8(ascii: "\\")) else { return nil }
        guard let path = String(validating: bytes, as: UTF8.self) else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        return path
    }

    /// Returns `text` with bytes outside printable ASCII replaced by `?`, so that it is safe to log.
    static func loggable(_ text: String) -> String {
        let cleaned = text.utf8.map { (0x21...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }
        return String(decoding: cleaned, as: UTF8.self)
    }
}
