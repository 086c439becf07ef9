import Foundation
import Synchronization

/// One complete HTTP request as handlers see it: the body has been read in full before a handler runs.
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The percent-decoded path without the query string, such as `/tickets/FD-1042`.
    public var path: String
    /// The path as sent on the request line, still percent-encoded; the access log records this form.
    public var rawPath: String
    /// The decoded query string pairs in order, including repeated names.
    public var queryParameters: HTTPParameters
    /// The request header fields; lookups ignore case.
    public var headers: HTTPHeaders
    /// Cookies from the `Cookie` header, by name.
    public var cookies: [String: String]
    /// The request body bytes, empty when the request had none.
    public var body: [UInt8]
    /// The client's IP address as text (`127.0.0.1`, `::1`), or nil when it could not be determined.
    public var remoteAddress: String?
    /// An identifier unique to this request, also sent back in `X-Request-Id` and logged as `request.id`.
    public var requestID: String
    /// Values captured by `:name` and `*name` segments of the matched route pattern.
    public var pathParameters: [String: String]
    /// The pattern of the route that matched, such as `/tickets/:id`, or nil when no route matched.
    public var routePattern: String?
    /// Values that middleware attaches for later handlers, such as the signed-in user.
    public var attributes: [String: any Sendable]

    /// Creates a request; the server fills every field, and tests may build one directly.
    public init(
        method: HTTPMethod,
        path: String,
        rawPath: String? = nil,
        queryParameters: HTTPParameters = HTTPParameters(),
        headers: HTTPHeaders = HTTPHeaders(),
        cookies: [String: String] = [:],
        body: [UInt8] = [],
        remoteAddress: String? = nil,
        requestID: String = HTTPRequest.makeRequestID()
    ) {
        self.method = method
        self.path = path
        self.rawPath = rawPath ?? path
        self.queryParameters = queryParameters
        self.headers = headers
        self.cookies = cookies
        self.body = body
        self.remoteAddress = remoteAddress
        self.requestID = requestID
        self.pathParameters = [:]
        self.routePattern = nil
        self.attributes = [:]
    }

    /// The first value of each query parameter, by name.
    public var query: [String: String] { queryParameters.firstValues }

    /// Returns every value of the query parameter `name`, in order.
    public func queryValues(_ name: String) -> [String] {
        queryParameters.values(for: name)
    }

    /// Returns the first value of the header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers[name]
    }

    /// The body as `Data`.
    public var bodyData: Data { Data(body) }

    /// The body decoded as UTF-8, or nil when it is not valid UTF-8.
    public var bodyText: String? { String(validating: body, as: UTF8.self) }

    /// Creates a 16-character hexadecimal request identifier, unique within the process.
    public static func makeRequestID() -> String {
        HTTPRequestIDGenerator.shared.next()
    }
}

/// Produces request identifiers from a random per-process prefix and a counter, which avoids a system call
/// for random bytes on every request.
final class HTTPRequestIDGenerator: Sendable {
    static let shared = HTTPRequestIDGenerator()

    private let prefix = UInt64(UInt32.random(in: .min ... .max)) << 32
    private let counter = Atomic<UInt32>(0)

    /// Returns the prefix and the next counter value as 16 hexadecimal digits.
    func next() -> String {
        let count = counter.wrappingAdd(1, ordering: .relaxed).newValue
        let hex = String(prefix | UInt64(count), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
