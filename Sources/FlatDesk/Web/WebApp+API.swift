extension WebApp {
    /// Registers the JSON API under `/api/v1`; its OpenAPI description is at `/api/v1/openapi.json`.
    func registerAPI(on router: Router) {
        router.get("/api/v1/me") { [self] request in
            let viewer = try requireViewer(request)
            let body = TicketJSON.encode(
                .object([("email", .string(viewer.email)), ("role", .string(viewer.role.rawValue))]))
            var response = HTTPResponse(status: 200, body: Array(body.utf8))
            response.headers.set("Content-Type", "application/json; charset=utf-8")
            return response
        }
        router.get("/api/v1/openapi.json") { [self] _ in
            APIResponse.json(APIOpenAPIDocument.document(settings: helpdesk.settings))
        }
        registerAPITickets(on: router)
        registerAPIDirectory(on: router)
    }

    /// Wraps an API handler so that request errors, version conflicts and invalid values get JSON bodies
    /// naming the field at fault or the ticket's current version. Other errors go to the central mapping.
    func apiHandler(_ handler: @escaping HTTPHandler) -> HTTPHandler {
        { @Sendable [self] request in
            do {
                return try handler(request)
            } catch let error as APIRequestError {
                return logRejected(request, APIResponse.error(error), error.description)
            } catch let error as HelpdeskError {
                guard let response = Self.apiResponse(for: error) else { throw error }
                return logRejected(request, response, error.description)
            }
        }
    }

    /// Logs a request the API rejected at debug level, since the access log already counts them by status.
    private func logRejected(_ request: HTTPRequest, _ response: HTTPResponse, _ message: String) -> HTTPResponse {
        logger.debug(
            "API request rejected",
            [
                "request.id": request.requestID, "http.path": request.path, "http.status": String(response.status),
                "error": message,
            ])
        return response
    }

    private static func apiResponse(for error: HelpdeskError) -> HTTPResponse? {
        switch error {
        case .versionConflict(_, _, let current):
            let response = APIResponse.error(
                status: 409, message: error.description, extra: [("version", .string(current))])
            return response.withHeader("ETag", APIResponse.entityTag(current))
        case .invalidValue(let field, _, _):
            return APIResponse.error(status: 422, message: error.description, extra: [("field", .string(field))])
        default:
            return nil
        }
    }
}
