import CMicroHTTPD
import Synchronization

/// The request pipeline behind the libmicrohttpd callbacks: checks before routing, body buffering,
/// routing, error mapping, response headers and the access log.
final class HTTPServerCore: Sendable {
    let configuration: HTTPServer.Configuration
    let router: Router
    let logger: Logger
    let peers = HTTPPeerAddressTable()
    /// Requests whose state exists: from the first handler call until the request-completed callback.
    let requestsInProgress = Atomic<Int>(0)
    /// Set when `stop()` begins; responses then carry `Connection: close`.
    let isStopping = Atomic<Bool>(false)

    init(configuration: HTTPServer.Configuration, router: Router, logger: Logger) {
        self.configuration = configuration
        self.router = router
        self.logger = logger
    }

    /// Handles one access-handler call; see `MHD_AccessHandlerCallback` for the call sequence.
    ///
    /// The first call for a request only creates its state, so that libmicrohttpd reads the body and
    /// keeps the connection alive. Later calls deliver body chunks. The last call, with an upload size of
    /// 0, routes the request and queues the response.
    func handle(
        _ connection: OpaquePointer,
        method: String,
        rawPath: String,
        upload: UnsafePointer<CChar>?,
        uploadSize: UnsafeMutablePointer<Int>,
        context: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        guard let existing = context.pointee else {
            return begin(connection, method: method, rawPath: rawPath, context: context)
        }
        let state = Unmanaged<HTTPRequestState>.fromOpaque(existing).takeUnretainedValue()
        let count = uploadSize.pointee
        uploadSize.pointee = 0
        if state.status != nil {
            // A response was queued before the body arrived; libmicrohttpd drops the rest.
            return .YES
        }
        if count > 0 {
            return receive(upload, count: count, into: state) ? .YES : .NO
        }
        return queue(respond(connection, state), for: state, on: connection)
    }

    /// Creates the request state, retained once into `context`, and queues the response at once when the request is
    /// rejected before routing.
    private func begin(
        _ connection: OpaquePointer,
        method: String,
        rawPath: String,
        context: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        let state = HTTPRequestState(methodText: method, rawPath: rawPath)
        context.pointee = Unmanaged.passRetained(state).toOpaque()
        requestsInProgress.add(1, ordering: .relaxed)
        if let rejection = rejectBeforeRouting(connection, state) {
            return queue(rejection, for: state, on: connection)
        }
        return .YES
    }

    /// Releases the request state and writes the access log line; runs once per request.
    func complete(_ context: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ code: MHD_RequestTerminationCode) {
        guard let context, let raw = context.pointee else { return }
        context.pointee = nil
        let state = Unmanaged<HTTPRequestState>.fromOpaque(raw).takeRetainedValue()
        requestsInProgress.subtract(1, ordering: .relaxed)
        logAccess(state, code)
    }
}
