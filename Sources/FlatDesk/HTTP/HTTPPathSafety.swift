/// Checks a raw request path before routing and decodes it.
enum HTTPPathSafety {
    /// Returns the percent-decoded path, or nil when the path must be rejected with 400.
    ///
    /// Rejected paths:
    /// - a path that does not start with `/`;
    /// - an encoded `/`, `\` or NUL (`%2f`, `%5c`, `%00`), and a decoded NUL or backslash;
    /// - invalid UTF-8 after decoding;
    /// - `.` and `..` segments, whether written plainly or encoded (`%2e%2e`, `.%2e`).
    static func decodedPath(_ rawPath: String) -> String? {
        guard rawPath.hasPrefix("/"), !containsForbiddenEscape(rawPath.utf8) else { return nil }
        let bytes = HTTPPercentDecoding.decode(Array(rawPath.utf8), plusAsSpace: false)
        guard !bytes.contains(0), !bytes.contains(UInt8(ascii: "\\")) else { return nil }
        guard let path = String(validating: bytes, as: UTF8.self) else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        return path
    }

    /// Tells whether `raw` contains `%2f`, `%5c` or `%00` in any letter case.
    private static func containsForbiddenEscape(_ raw: String.UTF8View) -> Bool {
        let bytes = Array(raw)
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                let first = bytes[index + 1]
                let second = bytes[index + 2] | 0x20  // ASCII lowercase for letters, digits unchanged
                switch (first, second) {
                case (UInt8(ascii: "2"), UInt8(ascii: "f")), (UInt8(ascii: "5"), UInt8(ascii: "c")),
                    (UInt8(ascii: "0"), UInt8(ascii: "0")):
                    return true
                default:
                    break
                }
            }
            index += 1
        }
        return false
    }

    /// Returns `text` with bytes outside printable ASCII replaced by `?`, so that it is safe to log.
    static func loggable(_ text: String) -> String {
        let cleaned = text.utf8.map { (0x21...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }
        return String(decoding: cleaned, as: UTF8.self)
    }
}
