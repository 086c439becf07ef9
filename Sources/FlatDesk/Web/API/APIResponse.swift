import Foundation

/// Builds the JSON responses of the API: values written with `TicketJSON`, errors as `{"error", "status"}`.
enum APIResponse {
    /// A JSON response that clients and proxies must not store, since it carries helpdesk data.
    static func json(_ value: JSONValue, status: Int = 200) -> HTTPResponse {
        var response = HTTPResponse(status: status, body: Array(TicketJSON.encode(value).utf8))
        response.headers.set("Content-Type", "application/json; charset=utf-8")
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// An error body in the shape the central error mapping writes, plus `extra` members such as `field`.
    static func error(status: Int, message: String, extra: [(key: String, value: JSONValue)] = []) -> HTTPResponse {
        let pairs: [(key: String, value: JSONValue)] =
            [("error", .string(message)), ("status", .number(String(status)))] + extra
        return json(.object(pairs), status: status)
    }

    /// The error response for a request the API cannot serve as sent.
    static func error(_ error: APIRequestError) -> HTTPResponse {
        let extra: [(key: String, value: JSONValue)] = error.field.map { [("field", .string($0))] } ?? []
        return self.error(status: error.status, message: error.description, extra: extra)
    }

    /// The `ETag` header value for a ticket version: the blob id, quoted as RFC 9110 requires.
    static func entityTag(_ version: String) -> String {
        "\"\(version)\""
    }

    /// The version named by an `If-Match` or `If-None-Match` value, or nil for `*` or an empty value.
    ///
    /// A weak tag (`W/"…"`) counts as the same version; of a list of tags only the first is used.
    static func version(fromEntityTag header: String) -> String? {
        var tag = header.split(separator: ",").first.map(String.init) ?? ""
        tag = tag.trimmingCharacters(in: .whitespaces)
        if tag.hasPrefix("W/") { tag.removeFirst(2) }
        tag = tag.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        return tag.isEmpty || tag == "*" ? nil : tag
    }
}
