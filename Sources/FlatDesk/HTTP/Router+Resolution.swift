extension Router {
    /// Picks the handler for `request`, filling its path parameters, or a 404, 405 or OPTIONS responder.
    static func resolve(_ request: inout HTTPRequest, in routes: [Route]) -> HTTPHandler {
        let path = request.path.split(separator: "/")
        var match = firstMatch(request.method, path, routes)
        if match == nil, request.method == .head {
            match = firstMatch(.get, path, routes)
        }
        if let (route, parameters) = match {
            request.pathParameters = parameters
            request.routePattern = route.pattern.description
            return route.handler
        }
        return fallback(for: request.method, allowing: allowedMethods(path, routes))
    }

    private static func firstMatch(
        _ method: HTTPMethod,
        _ path: [Substring],
        _ routes: [Route]
    ) -> (Route, [String: String])? {
        for route in routes where route.method == method {
            if let parameters = route.pattern.match(path) {
                return (route, parameters)
            }
        }
        return nil
    }

    /// Returns the methods that some route accepts for `path`, plus HEAD for GET and OPTIONS, in a stable order.
    private static func allowedMethods(_ path: [Substring], _ routes: [Route]) -> [HTTPMethod] {
        var methods = Set(routes.filter { $0.pattern.match(path) != nil }.map(\.method))
        guard !methods.isEmpty else { return [] }
        if methods.contains(.get) {
            methods.insert(.head)
        }
        methods.insert(.options)
        return HTTPMethod.allCases.filter { methods.contains($0) }
    }

    private static func fallback(for method: HTTPMethod, allowing allowed: [HTTPMethod]) -> HTTPHandler {
        guard !allowed.isEmpty else {
            return { _ in .notFound }
        }
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        if method == .options {
            return { _ in HTTPResponse(status: 204, headers: ["Allow": allow]) }
        }
        return { _ in HTTPResponse.text("Method Not Allowed", status: 405).withHeader("Allow", allow) }
    }
}
