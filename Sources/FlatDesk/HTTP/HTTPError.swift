/// An error that a handler throws to send a specific status and a message that is safe to show the client.
///
/// The server turns any other thrown error into a bare 500 response and writes the detail only to the log.
public struct HTTPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The response status code, such as 400 or 403.
    public var status: Int
    /// The text sent to the client; it must not contain internal details.
    public var message: String

    /// Creates an error with a status and a client-safe message.
    public init(status: Int, message: String) {
        self.status = status
        self.message = message
    }

    /// Returns a 400 Bad Request error with `message`.
    public static func badRequest(_ message: String) -> HTTPError { HTTPError(status: 400, message: message) }

    /// A 401 Unauthorized error.
    public static let unauthorized = HTTPError(status: 401, message: "Authentication required.")

    /// A 403 Forbidden error.
    public static let forbidden = HTTPError(status: 403, message: "Forbidden.")

    /// A 404 Not Found error.
    public static let notFound = HTTPError(status: 404, message: "Not Found")

    public var description: String { "HTTP \(status): \(message)" }
}
