/// A request method that the router can dispatch on.
public enum HTTPMethod: String, Sendable, CaseIterable, CustomStringConvertible {
    case get = "GET"
    case head = "HEAD"
    case post = "POST"
    case put = "PUT"
    case patch = "PATCH"
    case delete = "DELETE"
    case options = "OPTIONS"

    /// The method token as it appears on the request line, such as `GET`.
    public var description: String { rawValue }
}
