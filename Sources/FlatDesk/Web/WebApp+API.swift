extension WebApp {
    /// Registers the JSON API under `/api/v1`.
    func registerAPI(on router: Router) {
        router.get("/api/v1/me") { [self] request in
            let viewer = try requireViewer(request)
            let body = TicketJSON.encode(.object([("email", .string(viewer.email)), ("role", .string(viewer.role.rawValue))]))
            var response = HTTPResponse(status: 200, body: Array(body.utf8))
            response.headers.set("Content-Type", "application/json; charset=utf-8")
            return response
        }
    }
}
