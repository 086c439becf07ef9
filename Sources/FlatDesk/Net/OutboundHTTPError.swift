import CCurl

/// Failures of `OutboundHTTPClient.send`; an HTTP error status is not one of them.
public enum OutboundHTTPError: Error, Equatable, CustomStringConvertible {
    /// A request field is unusable (method, URL, header name or value).
    case invalidRequest(field: String, value: String, reason: String)
    /// The response body exceeded the client's limit and the transfer was stopped.
    case responseTooLarge(url: String, limit: Int)
    /// The exchange failed before a complete response arrived: DNS, connection, TLS, timeout or protocol.
    case transferFailed(curlCode: Int, detail: String, url: String)

    /// True when the request ran out of time (`CURLE_OPERATION_TIMEDOUT`).
    public var isTimeout: Bool {
        if case .transferFailed(let curlCode, _, _) = self { return curlCode == Int(CURLE_OPERATION_TIMEDOUT.rawValue) }
        return false
    }

    public var description: String {
        switch self {
        case .invalidRequest(let field, let value, let reason):
            "invalid HTTP request \(field) \(String(reflecting: value)): \(reason)"
        case .responseTooLarge(let url, let limit):
            "response from \(url) is larger than \(limit) bytes; raise the client's maximumResponseBytes if expected"
        case .transferFailed(let curlCode, let detail, let url):
            "HTTP request to \(url) failed: \(detail) (curl code \(curlCode)); check that the service is reachable"
        }
    }
}
