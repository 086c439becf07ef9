import Foundation

extension WebApp {
    /// Resolves the viewer from a bearer token or a session cookie and stores it on the request.
    func authenticate(_ request: HTTPRequest, _ next: HTTPHandler) throws -> HTTPResponse {
        var request = request
        if let authorization = request.header("Authorization"), !request.path.hasPrefix("/api/webhooks/") {
            guard authorization.lowercased().hasPrefix("bearer "),
                let viewer = tokenViewer(String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces))
            else {
                throw HTTPError(status: 401, message: "Invalid API token.")
            }
            request.attributes["viewer"] = viewer
        } else if let id = request.cookies[Self.sessionCookie], let viewer = sessionViewer(id) {
            request.attributes["viewer"] = viewer
        }
        return try next(request)
    }

    private func tokenViewer(_ presented: String) -> Viewer? {
        guard let token = accounts.token(matching: presented), let person = helpdesk.settings.person(token.email) else {
            return nil
        }
        return Viewer(person: person, role: min(token.role, person.role), credential: .token(name: token.name))
    }

    private func sessionViewer(_ id: String) -> Viewer? {
        guard let session = accounts.session(id: id), let person = helpdesk.settings.person(session.email) else {
            return nil
        }
        return Viewer(person: person, role: person.role, credential: .session(id: id, csrfToken: session.csrfToken))
    }

    /// Rejects state-changing browser requests whose CSRF token is missing or wrong.
    ///
    /// Signed-in browsers send the session's token as the `_csrf` form field or the `X-CSRF-Token`
    /// header. Anonymous forms (sign-in, sign-up) use a double-submit cookie. Bearer-token calls and
    /// webhooks, which browsers cannot send on their own, are exempt.
    func checkCSRF(_ request: HTTPRequest, _ next: HTTPHandler) throws -> HTTPResponse {
        let safe: Set<HTTPMethod> = [.get, .head, .options]
        guard !safe.contains(request.method), !request.path.hasPrefix("/api/webhooks/") else { return try next(request) }
        if case .token = request.viewer?.credential { return try next(request) }
        if request.viewer == nil, request.path.hasPrefix("/api/") { throw HTTPError.unauthorized }
        let expected = request.viewer?.csrfToken ?? request.cookies[Self.anonymousCSRFCookie]
        let presented = request.header("X-CSRF-Token") ?? formCSRFToken(request)
        guard let expected, let presented, !expected.isEmpty,
            HMACSHA256.constantTimeEquals(Array(expected.utf8), Array(presented.utf8))
        else {
            logger.warning("CSRF token missing or wrong", ["request.id": request.requestID, "http.path": request.path])
            throw HTTPError(status: 403, message: "The form has expired or did not come from this site. Reload the page and try again.")
        }
        return try next(request)
    }

    private func formCSRFToken(_ request: HTTPRequest) -> String? {
        switch request.mediaType {
        case "application/x-www-form-urlencoded": return (try? request.formFields())?["_csrf"]
        case "multipart/form-data":
            let part = (try? request.multipartParts())?.first { $0.name == "_csrf" }
            return part.map { String(decoding: $0.data, as: UTF8.self) }
        default: return nil
        }
    }

    /// Turns helpdesk and HTTP errors into pages for browsers and JSON for the API.
    func mapErrors(_ request: HTTPRequest, _ next: HTTPHandler) throws -> HTTPResponse {
        do {
            return try next(request)
        } catch let error as HTTPError {
            return errorResponse(error, request: request)
        } catch let error as HelpdeskError {
            return errorResponse(Self.httpError(for: error), request: request)
        } catch let error as GitError {
            guard case .uncommittedChanges = error else { throw error }
            return errorResponse(HTTPError(status: 409, message: error.description), request: request)
        }
    }

    static func httpError(for error: HelpdeskError) -> HTTPError {
        switch error {
        case .ticketNotFound: HTTPError(status: 404, message: error.description)
        case .versionConflict: HTTPError(status: 409, message: error.description)
        case .invalidValue: HTTPError(status: 422, message: error.description)
        case .forbidden: HTTPError(status: 403, message: error.description)
        case .unreadableTicket(let id, _): HTTPError(status: 500, message: "Ticket \(id) cannot be read; run 'flatdesk check'.")
        case .invalidSettings, .missingHelpdesk: HTTPError(status: 500, message: "The helpdesk settings are invalid; run 'flatdesk check'.")
        }
    }

    func errorResponse(_ error: HTTPError, request: HTTPRequest) -> HTTPResponse {
        if request.path.hasPrefix("/api/") || request.header("Accept")?.contains("application/json") == true {
            let body = TicketJSON.encode(.object([("error", .string(error.message)), ("status", .number("\(error.status)"))]))
            var response = HTTPResponse(status: error.status, body: Array(body.utf8))
            response.headers.set("Content-Type", "application/json; charset=utf-8")
            return response
        }
        if error.status == 401 {
            return .redirect(to: "/login?next=" + Self.percentEncoded(request.rawPath))
        }
        let page = Layout.page(
            title: "Error \(error.status)",
            viewer: request.viewer ?? request.cookies[Self.sessionCookie].flatMap(sessionViewer),
            body: "<section class=\"error\"><h1>\(Layout.statusTitle(error.status))</h1><p>\(error.message)</p><p><a href=\"/\">Back to the start page</a></p></section>")
        return .html(page.rendered, status: error.status)
    }

    static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
    }

    /// The viewer, or 401 when nobody is signed in.
    func requireViewer(_ request: HTTPRequest) throws -> Viewer {
        guard let viewer = request.viewer else { throw HTTPError.unauthorized }
        return viewer
    }

    /// The viewer when on staff; 401 for anonymous requests, 403 for customers.
    func requireStaff(_ request: HTTPRequest) throws -> Viewer {
        let viewer = try requireViewer(request)
        guard viewer.isStaff else { throw HTTPError(status: 403, message: "This page is for agents.") }
        return viewer
    }
}
