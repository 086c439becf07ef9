/// A complete response that a handler returns: status, headers and body.
///
/// The server adds `X-Request-Id`, the security headers and `Content-Length`; libmicrohttpd leaves the
/// body out for HEAD requests.
public struct HTTPResponse: Sendable {
    /// The status code, such as 200 or 404.
    public var status: Int
    /// The header fields to send.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response from its parts.
    public init(status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Returns a copy with the header `name` set to `value`, replacing earlier values.
    public func withHeader(_ name: String, _ value: String) -> HTTPResponse {
        var copy = self
        copy.headers.set(name, value)
        return copy
    }
}
