/// One HTTP header field, as sent or received.
public struct OutboundHTTPHeader: Sendable, Equatable {
    /// Field name, such as `Authorization`.
    public var name: String
    /// Field value without the line ending.
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// An HTTP request to an outside service: an OpenAI-compatible API, Slack or a webhook receiver.
public struct OutboundHTTPRequest: Sendable, Equatable {
    /// Request method in upper case: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `HEAD`.
    public var method: String
    /// Absolute `http://` or `https://` URL.
    public var url: String
    /// Header fields, sent in the given order; `Content-Type` is sent only when listed here.
    public var headers: [OutboundHTTPHeader]
    /// Body bytes; empty for no body.
    public var body: [UInt8]
    /// Limit for the whole exchange, connecting included.
    public var timeout: Duration
    /// Whether to follow up to five redirects; off by default so a webhook cannot be bounced elsewhere.
    public var followRedirects: Bool

    /// Creates a request with header fields in the given order.
    public init(
        method: String = "GET", url: String, headers: [OutboundHTTPHeader] = [], body: [UInt8] = [],
        timeout: Duration = .seconds(30), followRedirects: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.followRedirects = followRedirects
    }

    /// Creates a request from a header dictionary, sent sorted by name.
    public init(
        method: String = "GET", url: String, headers: [String: String], body: [UInt8] = [],
        timeout: Duration = .seconds(30)
    ) {
        let fields = headers.sorted { $0.key < $1.key }.map { OutboundHTTPHeader(name: $0.key, value: $0.value) }
        self.init(method: method, url: url, headers: fields, body: body, timeout: timeout)
    }
}

/// The final response to an `OutboundHTTPRequest`; any status, 4xx and 5xx included, is a response.
public struct OutboundHTTPResponse: Sendable, Equatable {
    /// HTTP status code of the final response.
    public var status: Int
    /// Header fields of the final response in received order, after any followed redirect.
    public var headers: [OutboundHTTPHeader]
    /// Body bytes, already decompressed when the server used a Content-Encoding that libcurl offered.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [OutboundHTTPHeader], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Returns the value of the first header field with this name, compared without regard to case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body decoded as UTF-8, with invalid bytes replaced by U+FFFD.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
