import Foundation

extension HTTPResponse {
    /// Returns a `text/plain; charset=utf-8` response.
    public static func text(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// Returns a `text/html; charset=utf-8` response; the caller is responsible for escaping the markup.
    public static func html(_ html: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(html.utf8))
    }

    /// Returns an `application/json` response that encodes `value` with sorted keys and ISO 8601 dates.
    /// - Throws: `EncodingError` when `value` cannot be encoded.
    public static func json(_ value: some Encodable, status: Int = 200) throws -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let body = try encoder.encode(value)
        return HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: Array(body))
    }

    /// Returns a redirect to `location`: 303 See Other by default, so that a browser follows a POST with a
    /// GET.
    public static func redirect(to location: String, status: Int = 303) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Location": location])
    }

    /// A 404 Not Found response with a short text body.
    public static var notFound: HTTPResponse { .text("Not Found", status: 404) }

    /// A 204 No Content response.
    public static var noContent: HTTPResponse { HTTPResponse(status: 204) }
}
