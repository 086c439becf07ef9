import CMicroHTTPD
import Foundation

extension HTTPServerCore {
    /// Returns the response for a request that must not reach the router: an unsupported method (501),
    /// an unsafe path (400) or a declared Content-Length above the limit (413).
    func rejectBeforeRouting(_ connection: OpaquePointer, _ state: HTTPRequestState) -> HTTPResponse? {
        let accept = Self.lookupHeader(connection, "Accept")
        guard let method = HTTPMethod(rawValue: state.methodText) else {
            return Self.render(HTTPError(status: 501, message: "Not Implemented"), accept: accept)
        }
        guard let path = HTTPPathSafety.decodedPath(state.rawPath) else {
            return Self.render(.badRequest("Invalid request path."), accept: accept)
        }
        state.method = method
        state.decodedPath = path
        if let length = Self.lookupHeader(connection, "Content-Length"), !fitsBodyLimit(length) {
            return Self.render(Self.contentTooLarge, accept: accept)
        }
        return nil
    }

    /// Appends a body chunk, or drops it once the body exceeds the limit.
    ///
    /// A body sent without Content-Length (chunked) is only known to be too large while it streams. In
    /// libmicrohttpd 0.9.75, `MHD_queue_response` fails while an upload is in progress, so the rest is read
    /// and dropped and 413 follows. Once the dropped bytes also exceed the limit, this returns false, which
    /// closes the connection.
    func receive(_ data: UnsafePointer<CChar>?, count: Int, into state: HTTPRequestState) -> Bool {
        guard let data else { return true }
        if state.bodyTooLarge {
            state.discardedBytes += count
            guard state.discardedBytes <= configuration.maxBodyBytes else {
                logger.warning("request body far above the limit, closing the connection", logFields(state))
                return false
            }
            return true
        }
        guard state.body.count + count <= configuration.maxBodyBytes else {
            state.bodyTooLarge = true
            state.discardedBytes = state.body.count + count - configuration.maxBodyBytes
            state.body = []
            return true
        }
        state.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: count))
        return true
    }

    /// Builds the request, runs the router and maps thrown errors to responses.
    func respond(_ connection: OpaquePointer, _ state: HTTPRequestState) -> HTTPResponse {
        let accept = Self.lookupHeader(connection, "Accept")
        guard !state.bodyTooLarge else {
            return Self.render(Self.contentTooLarge, accept: accept)
        }
        guard let method = state.method, let path = state.decodedPath else {
            return Self.render(HTTPError(status: 500, message: "Internal Server Error"), accept: accept)
        }
        let request = makeRequest(connection, state, method: method, path: path)
        do {
            return try router.respond(to: request)
        } catch {
            return errorResponse(for: error, request: request)
        }
    }

    static let contentTooLarge = HTTPError(status: 413, message: "Request body too large.")

    private func fitsBodyLimit(_ contentLength: String) -> Bool {
        guard let length = UInt64(contentLength.trimmingCharacters(in: .whitespaces)) else { return true }
        return length <= UInt64(configuration.maxBodyBytes)
    }
}
