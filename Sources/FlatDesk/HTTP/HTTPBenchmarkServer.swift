/// A server that responds to every GET (and HEAD) with the two-byte body `ok`, for measuring the throughput
/// ceiling of libmicrohttpd and this layer without application work.
public enum HTTPBenchmarkServer {
    /// Creates, but does not start, a server whose only route, `GET /*path`, returns `ok`.
    /// - Parameters:
    ///   - configuration: address and threads; use port 0 to pick a free port.
    ///   - logger: receives the access log; a logger whose minimum level is `.warning` measures the server
    ///     without the per-request log line.
    public static func makeServer(configuration: HTTPServer.Configuration, logger: Logger) -> HTTPServer {
        let router = Router()
        router.get("/*path") { _ in .text("ok") }
        return HTTPServer(configuration: configuration, router: router, logger: logger)
    }
}
