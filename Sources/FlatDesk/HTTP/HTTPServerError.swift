import Foundation

/// Failures of the HTTP layer: starting the server and decoding request bodies.
public enum HTTPServerError: Error, Equatable, CustomStringConvertible {
    /// The configured host is not an IPv4 or IPv6 address literal.
    case invalidHost(String)
    /// A configuration value is out of range; `expected` describes the valid range.
    case invalidConfiguration(setting: String, value: Int, expected: String)
    /// A socket call failed while opening the listening socket.
    case socketCallFailed(function: String, host: String, port: Int, errno: Int32)
    /// libmicrohttpd failed to start on the listening socket.
    case daemonStartFailed(host: String, port: Int)
    /// `start()` was called on a server that is running or was stopped.
    case notStartable(state: String)
    /// The request body does not have the media type that the decoder expects.
    case unsupportedContentType(expected: String, received: String?)
    /// A `multipart/form-data` Content-Type header has no usable `boundary` parameter.
    case missingMultipartBoundary(contentType: String)
    /// The multipart body does not contain the opening delimiter `--boundary`.
    case multipartBoundaryNotFound(boundary: String)
    /// The multipart body ends before the closing delimiter `--boundary--`.
    case multipartUnterminated(boundary: String, completeParts: Int)
    /// A part's header block does not end with an empty line.
    case multipartHeadersUnterminated(partIndex: Int)
    /// A part lacks `Content-Disposition: form-data; name="…"`.
    case multipartPartWithoutName(partIndex: Int)

    public var description: String {
        switch self {
        case .invalidHost(let host):
            "Invalid listen host '\(host)': use an IPv4 or IPv6 address literal such as 127.0.0.1 or ::1."
        case .invalidConfiguration(let setting, let value, let expected):
            "Invalid HTTP server setting \(setting) = \(value): it must be \(expected)."
        case .socketCallFailed(let function, let host, let port, let code):
            "\(function) failed for \(host):\(port): \(String(cString: strerror(code))). "
                + "Check that the address exists on this machine and that the port is free."
        case .daemonStartFailed(let host, let port):
            "libmicrohttpd failed to start on \(host):\(port); its log lines above give the cause."
        case .notStartable(let state):
            "The HTTP server cannot start because it is \(state); create a new HTTPServer instead."
        default:
            bodyErrorDescription
        }
    }

    /// The response a client should get for a body it sent, or nil for server-side failures.
    public var clientError: HTTPError? {
        switch self {
        case .invalidHost, .invalidConfiguration, .socketCallFailed, .daemonStartFailed, .notStartable:
            nil
        case .unsupportedContentType:
            HTTPError(status: 415, message: bodyErrorDescription)
        default:
            HTTPError(status: 400, message: bodyErrorDescription)
        }
    }

    private var bodyErrorDescription: String {
        switch self {
        case .unsupportedContentType(let expected, let received):
            "Invalid request body: expected Content-Type \(expected), received \(received ?? "none")."
        case .missingMultipartBoundary(let contentType):
            "Invalid multipart body: Content-Type '\(contentType)' has no boundary parameter."
        case .multipartBoundaryNotFound(let boundary):
            "Invalid multipart body: the opening delimiter --\(boundary) was not found."
        case .multipartUnterminated(let boundary, let completeParts):
            "Invalid multipart body: it ends after \(completeParts) parts without the closing delimiter "
                + "--\(boundary)--."
        case .multipartHeadersUnterminated(let partIndex):
            "Invalid multipart body: the headers of part \(partIndex) do not end with an empty line."
        case .multipartPartWithoutName(let partIndex):
            "Invalid multipart body: part \(partIndex) has no Content-Disposition name."
        default:
            String(describing: self)
        }
    }
}
