import Dispatch

/// Per-request state that lives in libmicrohttpd's request context pointer (`con_cls`).
///
/// The server retains it once when the first handler call creates it and releases it exactly once in the
/// request-completed callback. Only the connection's worker thread touches it.
final class HTTPRequestState {
    let requestID = HTTPRequest.makeRequestID()
    let startNanoseconds = HTTPClock.nanoseconds()
    /// The method token as sent, kept for the access log even when it is not a supported method.
    let methodText: String
    /// The path as sent, still percent-encoded.
    let rawPath: String
    var method: HTTPMethod?
    var decodedPath: String?
    var body: [UInt8] = []
    /// True once the body has exceeded the limit; later bytes are counted and dropped.
    var bodyTooLarge = false
    var discardedBytes = 0
    /// The status of the queued response, or nil while none is queued.
    var status: Int?

    init(methodText: String, rawPath: String) {
        self.methodText = methodText
        self.rawPath = rawPath
    }
}

/// A monotonic clock for request durations.
enum HTTPClock {
    static func nanoseconds() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }
}
