import Foundation

extension OutboundHTTPClient {
    /// Rejects a method that is not an upper-case token, a URL that is not http(s), and header fields that
    /// could inject another header (CR, LF or NUL in a value, a name outside the RFC 9110 token characters).
    static func validate(_ request: OutboundHTTPRequest) throws(OutboundHTTPError) {
        guard !request.method.isEmpty, request.method.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
            throw .invalidRequest(field: "method", value: request.method, reason: "use an upper-case method like POST")
        }
        let scheme = URLComponents(string: request.url)?.scheme?.lowercased()
        guard scheme == "http" || scheme == "https", URLComponents(string: request.url)?.host?.isEmpty == false else {
            throw .invalidRequest(
                field: "url", value: request.url, reason: "expected an absolute http:// or https:// URL")
        }
        for header in request.headers {
            guard !header.name.isEmpty, header.name.utf8.allSatisfy(isTokenCharacter) else {
                throw .invalidRequest(field: "header name", value: header.name, reason: "use letters, digits and -")
            }
            guard !header.value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) else {
                throw .invalidRequest(
                    field: "header \(header.name)", value: header.value, reason: "remove line breaks and NUL bytes")
            }
        }
    }

    /// Formats the request's headers for `CURLOPT_HTTPHEADER`. libcurl sends `Content-Type:
    /// application/x-www-form-urlencoded` with a body by default, so a bare `Content-Type:` line
    /// removes that default when the request sets no content type.
    static func headerLines(_ request: OutboundHTTPRequest) -> [String] {
        var lines = request.headers.map { header in
            // "Name:" with an empty value would delete the header in libcurl; "Name;" sends it empty.
            header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
        }
        if !request.headers.contains(where: { $0.name.lowercased() == "content-type" }) {
            lines.append("Content-Type:")
        }
        return lines
    }

    /// Splits raw header lines of the final response into fields, skipping the status line and the blank end.
    static func parseHeaders(_ lines: [String]) -> [OutboundHTTPHeader] {
        lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("HTTP/") else { return nil }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            return OutboundHTTPHeader(name: name, value: value)
        }
    }

    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
