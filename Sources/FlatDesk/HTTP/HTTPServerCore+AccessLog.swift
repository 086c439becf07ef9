import CMicroHTTPD
import Foundation

extension HTTPServerCore {
    /// Writes the one access log line of a request: method, path without query string, status, duration
    /// and request id. Headers, cookies and bodies are never logged.
    func logAccess(_ state: HTTPRequestState, _ code: MHD_RequestTerminationCode) {
        guard logger.minimumLevel <= .info else { return }
        let microseconds = (HTTPClock.nanoseconds() - state.startNanoseconds) / 1000
        let fraction = String(microseconds % 1000)
        var fields = logFields(state)
        fields["http.status"] = String(state.status ?? 0)
        fields["http.duration_ms"] =
            "\(microseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
        if code != .REQUEST_TERMINATED_COMPLETED_OK {
            fields["http.termination"] = Self.terminationName(code)
        }
        logger.info("request", fields)
    }

    /// Returns the fields that identify a request in every log line about it.
    func logFields(_ state: HTTPRequestState) -> [String: String] {
        [
            "http.method": HTTPPathSafety.loggable(state.methodText),
            "http.path": HTTPPathSafety.loggable(state.rawPath),
            "request.id": state.requestID,
        ]
    }

    private static func terminationName(_ code: MHD_RequestTerminationCode) -> String {
        switch code {
        case .REQUEST_TERMINATED_COMPLETED_OK: "completed"
        case .REQUEST_TERMINATED_WITH_ERROR: "error"
        case .REQUEST_TERMINATED_TIMEOUT_REACHED: "timeout"
        case .REQUEST_TERMINATED_DAEMON_SHUTDOWN: "server_stopped"
        case .REQUEST_TERMINATED_READ_ERROR: "read_error"
        case .REQUEST_TERMINATED_CLIENT_ABORT: "client_abort"
        @unknown default: "unknown"
        }
    }
}
