/// A route handler: runs synchronously on a libmicrohttpd worker thread and returns the whole response.
public typealias HTTPHandler = @Sendable (HTTPRequest) throws -> HTTPResponse

/// A middleware step: inspects or changes the request, then calls `next` or returns its own response.
///
/// Middleware runs for every request in the order registered with `Router.use(_:)`, after routing, so
/// `pathParameters` are filled. For a request that matched no route, `next` returns the 404 or 405 response.
public typealias HTTPMiddleware = @Sendable (HTTPRequest, _ next: HTTPHandler) throws -> HTTPResponse
