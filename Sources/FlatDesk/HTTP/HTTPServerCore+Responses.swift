import CMicroHTTPD
import Foundation

extension HTTPServerCore {
    /// Adds the server's headers to `response`, hands it to libmicrohttpd and records its status.
    func queue(_ response: HTTPResponse, for state: HTTPRequestState, on connection: OpaquePointer) -> MHD_Result {
        let response = finalized(response, requestID: state.requestID)
        guard let handle = HTTPResponseHandle(body: response.body) else {
            logger.error("MHD_create_response_from_buffer failed, closing the connection", logFields(state))
            return .NO
        }
        for field in response.headers where !HTTPHeaders.namesMatch(field.name, "Content-Length") {
            guard handle.addHeader(field.name, field.value) else {
                logger.warning(
                    "response header rejected by libmicrohttpd, sending the response without it",
                    logFields(state).merging(["http.header": HTTPPathSafety.loggable(field.name)]) { $1 }
                )
                continue
            }
        }
        state.status = response.status
        return handle.queue(on: connection, status: response.status)
    }

    /// Sets `X-Request-Id` and the security headers, and `Connection: close` while the server stops.
    func finalized(_ response: HTTPResponse, requestID: String) -> HTTPResponse {
        var response = response
        if !(100...599).contains(response.status) {
            logger.error("handler returned an invalid status, sending 500", ["request.id": requestID])
            response = .text("Internal Server Error", status: 500)
        }
        response.headers.set("X-Request-Id", requestID)
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("X-Frame-Options", "DENY")
        response.headers.set("Referrer-Policy", "same-origin")
        if !response.headers.contains("Content-Security-Policy") {
            response.headers.add("Content-Security-Policy", "default-src 'self'")
        }
        if isStopping.load(ordering: .relaxed) {
            response.headers.set("Connection", "close")
        }
        return response
    }

    /// Maps an error thrown by middleware or a handler to a response.
    ///
    /// Only `HTTPError` and the client errors of `HTTPServerError` reach the client. Anything else becomes a
    /// bare 500, and its detail goes to the log.
    func errorResponse(for error: any Error, request: HTTPRequest) -> HTTPResponse {
        let accept = request.header("Accept")
        if let httpError = error as? HTTPError {
            return Self.render(httpError, accept: accept)
        }
        if let serverError = error as? HTTPServerError, let clientError = serverError.clientError {
            return Self.render(clientError, accept: accept)
        }
        logger.error(
            "request handler failed",
            [
                "request.id": request.requestID,
                "http.path": HTTPPathSafety.loggable(request.rawPath),
                "error": String(describing: error),
            ]
        )
        return Self.render(HTTPError(status: 500, message: "Internal Server Error"), accept: accept)
    }

    /// Renders `error` as `{"error": message}` for clients that accept JSON, and as plain text otherwise.
    static func render(_ error: HTTPError, accept: String?) -> HTTPResponse {
        guard let accept, accept.contains("application/json"),
            let json = try? HTTPResponse.json(["error": error.message], status: error.status)
        else {
            return .text(error.message, status: error.status)
        }
        return json
    }
}

/// An `MHD_Response` owned by Swift and destroyed when released; libmicrohttpd keeps its own reference
/// while the response is queued.
final class HTTPResponseHandle {
    private let pointer: OpaquePointer

    /// Creates a response that copies `body`; nil when libmicrohttpd cannot allocate it.
    init?(body: [UInt8]) {
        let created = body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(
                bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let created else { return nil }
        pointer = created
    }

    deinit {
        MHD_destroy_response(pointer)
    }

    /// Adds a header; libmicrohttpd rejects names or values containing line breaks or tabs.
    func addHeader(_ name: String, _ value: String) -> Bool {
        MHD_add_response_header(pointer, name, value) == .YES
    }

    func queue(on connection: OpaquePointer, status: Int) -> MHD_Result {
        MHD_queue_response(connection, UInt32(status), pointer)
    }
}
