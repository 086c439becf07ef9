/// A JSON API request that cannot be served as sent, naming the header, parameter or body field at fault.
enum APIRequestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The body is not `application/json`; `received` is the `Content-Type` header, if any.
    case unsupportedMediaType(received: String?)
    case emptyBody
    /// The body is not valid JSON; `detail` is the parser's message.
    case malformedJSON(detail: String)
    /// The body is valid JSON but not an object; `received` names its type.
    case notAnObject(received: String)
    case unknownField(name: String, allowed: [String])
    case missingField(name: String)
    /// A body field has the wrong JSON type or an unusable value.
    case invalidField(name: String, value: String, expected: String)
    /// A query parameter has a value the endpoint does not accept.
    case invalidParameter(name: String, value: String, expected: String)
    /// A change to `ticket` came without the version it was based on.
    case versionRequired(ticket: String)

    /// The response status: 415, 400, 422 or 428.
    var status: Int {
        switch self {
        case .unsupportedMediaType: 415
        case .emptyBody, .malformedJSON, .notAnObject, .invalidParameter: 400
        case .unknownField, .missingField, .invalidField: 422
        case .versionRequired: 428
        }
    }

    /// The body field or query parameter at fault, reported as `field` in the error body.
    var field: String? {
        switch self {
        case .unknownField(let name, _), .missingField(let name), .invalidField(let name, _, _),
            .invalidParameter(let name, _, _):
            name
        case .versionRequired: "version"
        case .unsupportedMediaType, .emptyBody, .malformedJSON, .notAnObject: nil
        }
    }

    var description: String {
        switch self {
        case .unsupportedMediaType(let received):
            "unsupported Content-Type '\(received ?? "none")'; send the body as application/json"
        case .emptyBody:
            "the request body is empty; send a JSON object"
        case .malformedJSON(let detail):
            "the request body is not valid JSON (\(detail)); send a JSON object"
        case .notAnObject(let received):
            "the request body is \(received); send a JSON object"
        case .unknownField(let name, let allowed):
            "unknown field '\(name)' (expected one of \(allowed.joined(separator: ", ")))"
        case .missingField(let name):
            "missing field '\(name)'"
        case .invalidField(let name, let value, let expected), .invalidParameter(let name, let value, let expected):
            "invalid \(name) '\(value)' (expected \(expected))"
        case .versionRequired(let ticket):
            "a change to ticket \(ticket) needs the version it is based on; send 'version' or an If-Match header"
        }
    }
}
