import Synchronization

/// Maps method and path to handlers, and runs middleware around every request.
///
/// Routes are tried in registration order and the first match wins. A HEAD request uses the GET route
/// when no HEAD route matches. A path that matches only other methods gets 405 with `Allow`, or 204 with
/// `Allow` for OPTIONS; a path that matches nothing gets 404. Routes may be added while the server runs.
public final class Router: Sendable {
    struct Route: Sendable {
        var method: HTTPMethod
        var pattern: HTTPRoutePattern
        var handler: HTTPHandler
    }

    private struct Table: Sendable {
        var routes: [Route] = []
        var middleware: [HTTPMiddleware] = []
    }

    private let table = Mutex(Table())

    /// Creates a router with no routes and no middleware.
    public init() {}

    /// Registers `handler` for GET (and so HEAD) requests whose path matches `pattern`.
    public func get(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.get, pattern, handler) }

    /// Registers `handler` for POST requests whose path matches `pattern`.
    public func post(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.post, pattern, handler) }

    /// Registers `handler` for PUT requests whose path matches `pattern`.
    public func put(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.put, pattern, handler) }

    /// Registers `handler` for PATCH requests whose path matches `pattern`.
    public func patch(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.patch, pattern, handler) }

    /// Registers `handler` for DELETE requests whose path matches `pattern`.
    public func delete(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.delete, pattern, handler) }

    /// Registers `handler` for `method` requests whose path matches `pattern`.
    /// - Parameters:
    ///   - method: the request method to match.
    ///   - pattern: a path such as `/tickets/:id`; see `Router` for the syntax.
    ///   - handler: the closure that produces the response.
    public func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler) {
        let route = Route(method: method, pattern: HTTPRoutePattern(pattern), handler: handler)
        table.withLock { $0.routes.append(route) }
    }

    /// Appends `middleware` to the chain; the first registered runs outermost.
    public func use(_ middleware: @escaping HTTPMiddleware) {
        table.withLock { $0.middleware.append(middleware) }
    }

    /// Routes `request` and runs it through the middleware chain and the matched handler.
    /// - Throws: whatever the middleware or handler throws.
    public func respond(to request: HTTPRequest) throws -> HTTPResponse {
        let (routes, middleware) = table.withLock { ($0.routes, $0.middleware) }
        var routed = request
        let endpoint = Self.resolve(&routed, in: routes)
        let chain = middleware.reversed().reduce(endpoint) { next, step in
            { request in try step(request, next) }
        }
        return try chain(routed)
    }
}
