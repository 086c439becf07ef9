import Foundation
import Synchronization

/// An HTTP/1.1 server on libmicrohttpd that dispatches complete requests to a `Router`.
///
/// libmicrohttpd parses requests and runs handlers on its worker threads. The server rejects unsafe
/// paths (400), unknown methods (501) and bodies above the limit (413) before routing, adds the security
/// headers and `X-Request-Id` to every response it sends, and logs one line per request.
public final class HTTPServer: Sendable {
    private enum Lifecycle {
        case idle
        case running(HTTPDaemon, port: Int)
        case stopped

        var name: String {
            switch self {
            case .idle: "not started"
            case .running: "running"
            case .stopped: "stopped"
            }
        }
    }

    /// The configuration given at creation.
    public let configuration: Configuration
    /// The router that receives every request that passes the checks before routing.
    public let router: Router
    let logger: Logger
    let core: HTTPServerCore
    private let lifecycle = Mutex(Lifecycle.idle)
    /// Held for the whole of `stop()`, so that a second caller returns only once the server has stopped.
    let stopping = Mutex(())

    /// Creates a server; nothing listens until `start()`.
    /// - Parameters:
    ///   - configuration: address, threads and limits.
    ///   - router: the routes and middleware to dispatch to.
    ///   - logger: receives the access log, handler errors and libmicrohttpd diagnostics.
    public init(configuration: Configuration = Configuration(), router: Router, logger: Logger = Logger(label: "http"))
    {
        self.configuration = configuration
        self.router = router
        self.logger = logger
        self.core = HTTPServerCore(configuration: configuration, router: router, logger: logger)
    }

    /// Binds the configured host and port and starts the worker threads; returns once the server accepts
    /// connections.
    /// - Throws: `HTTPServerError` when the address is invalid, the port cannot be bound or libmicrohttpd
    ///   fails to start, or when the server was started before.
    public func start() throws(HTTPServerError) {
        let port = try lifecycle.withLock { state throws(HTTPServerError) -> Int in
            guard case .idle = state else { throw .notStartable(state: state.name) }
            try configuration.validate()
            let socket = try HTTPListenSocket(host: configuration.host, port: configuration.port)
            state = .running(try HTTPDaemon(core: core, socket: socket), port: socket.port)
            return socket.port
        }
        logger.info(
            "HTTP server listening",
            [
                "http.host": configuration.host, "http.port": String(port),
                "http.threads": String(configuration.threadPoolSize),
            ]
        )
    }

    /// The port the server listens on while running; with port 0 configured, this is the port the system chose.
    public var boundPort: Int? {
        lifecycle.withLock { state in
            guard case .running(_, let port) = state else { return nil }
            return port
        }
    }

    /// True from a successful `start()` until `stop()` has finished.
    public var isRunning: Bool { boundPort != nil }

    /// Returns the daemon while running, or nil.
    func runningDaemon() -> HTTPDaemon? {
        lifecycle.withLock { state in
            guard case .running(let daemon, _) = state else { return nil }
            return daemon
        }
    }

    func markStopped() {
        lifecycle.withLock { $0 = .stopped }
    }
}
