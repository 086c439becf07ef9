import CMicroHTTPD

/// Percent-decoding for paths, query strings and form bodies, done by libmicrohttpd's `MHD_http_unescape`.
enum HTTPPercentDecoding {
    /// Decodes `%XX` escapes in `encoded`; with `plusAsSpace`, `+` becomes a space first, as in form bodies.
    ///
    /// Malformed escapes such as `%zz` are kept as written, which is how libmicrohttpd treats them.
    static func decode(_ encoded: some Collection<UInt8>, plusAsSpace: Bool) -> [UInt8] {
        // MHD_http_unescape works on a C string, so a raw NUL would end it early: decode around each one.
        let pieces = encoded.split(separator: 0, omittingEmptySubsequences: false)
        var result: [UInt8] = []
        result.reserveCapacity(encoded.count)
        for (index, piece) in pieces.enumerated() {
            if index > 0 {
                result.append(0)
            }
            result.append(contentsOf: decodePiece(piece, plusAsSpace: plusAsSpace))
        }
        return result
    }

    /// Decodes `encoded` and reads the result as UTF-8, replacing invalid sequences with U+FFFD.
    static func decodeText(_ encoded: some StringProtocol, plusAsSpace: Bool) -> String {
        String(decoding: decode(Array(encoded.utf8), plusAsSpace: plusAsSpace), as: UTF8.self)
    }

    /// Parses an `application/x-www-form-urlencoded` string (`a=1&b=2`) into decoded pairs.
    static func decodeForm(_ encoded: some Collection<UInt8>) -> HTTPParameters {
        var items: [HTTPParameters.Item] = []
        for pair in encoded.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(decoding: decode(parts[0], plusAsSpace: true), as: UTF8.self)
            let value = parts.count > 1 ? String(decoding: decode(parts[1], plusAsSpace: true), as: UTF8.self) : ""
            items.append(HTTPParameters.Item(name: name, value: value))
        }
        return HTTPParameters(items)
    }

    private static func decodePiece(_ piece: some Collection<UInt8>, plusAsSpace: Bool) -> [UInt8] {
        var buffer: [CChar] = []
        buffer.reserveCapacity(piece.count + 1)
        for byte in piece {
            let mapped = plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte
            buffer.append(CChar(bitPattern: mapped))
        }
        buffer.append(0)
        let length = buffer.withUnsafeMutableBufferPointer { MHD_http_unescape($0.baseAddress) }
        return buffer.prefix(length).map { UInt8(bitPattern: $0) }
    }
}
