import Foundation

extension WebApp {
    /// Registers the emailed password-reset flow under `/password-reset`.
    func registerPasswordReset(on router: Router) {
        router.get("/password-reset") { [self] request in resetRequestPage(request, message: nil) }
        router.post("/password-reset") { [self] request in try requestReset(request) }
        router.get("/password-reset/:token") { [self] request in try newPasswordPage(request, message: nil) }
        router.post("/password-reset/:token") { [self] request in try completeReset(request) }
    }

    private func anonymousForm(_ request: HTTPRequest, title: String, notice: String?, fields: HTML, action: String, status: Int = 200) -> HTTPResponse {
        let token = request.cookies[Self.anonymousCSRFCookie] ?? SecureRandom.token(byteCount: 24)
        let message: HTML = notice.map { "<p class=\"notice\" role=\"alert\">\($0)</p>" } ?? .empty
        let body: HTML = """
            <section class="auth"><h1>\(title)</h1>\(message)
            <form method="post" action="\(action)"><input type="hidden" name="_csrf" value="\(token)">\(fields)</form></section>
            """
        var response = page(title, request, body, status: status)
        response.headers.add("Set-Cookie", cookie(Self.anonymousCSRFCookie, token, maxAge: 3600))
        return response
    }

    private func resetRequestPage(_ request: HTTPRequest, message: String?, status: Int = 200) -> HTTPResponse {
        let fields: HTML = """
            <label>Email <input type="email" name="email" autocomplete="username" required></label><button type="submit">Email me a reset link</button>
            """
        return anonymousForm(request, title: "Reset your password", notice: message, fields: fields, action: "/password-reset", status: status)
    }

    /// Emails a reset link when the address belongs to a person; the reply is the same either way,
    /// so the form does not reveal which addresses have accounts.
    private func requestReset(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let resetMailer else {
            return resetRequestPage(request, message: "Password reset by email is not set up on this helpdesk. Ask an administrator to run 'flatdesk user passwd'.", status: 503)
        }
        let email = (try formFields(request)["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let address = request.remoteAddress ?? "unknown"
        if throttle.retryAfter(account: "reset:" + email, address: address) == nil, let person = helpdesk.settings.person(email) {
            throttle.recordFailure(account: "reset:" + email, address: address)
            let token = try accounts.createResetToken(for: email)
            let base = (helpdesk.settings.profile.publicURL ?? "http://\(request.header("Host") ?? "127.0.0.1")")
            do {
                try resetMailer.sendPasswordReset(to: email, name: person.name, link: base.trimmingSuffix("/") + "/password-reset/" + token)
                logger.info("password reset link sent", ["user.email": email])
            } catch {
                logger.error("sending a password reset link failed", ["user.email": email, "error": "\(error)"])
            }
        }
        return resetRequestPage(request, message: "If that address has an account, a reset link is on its way. It works for one hour.")
    }

    private func newPasswordPage(_ request: HTTPRequest, message: String?, status: Int = 200) throws -> HTTPResponse {
        let token = request.pathParameters["token"] ?? ""
        guard accounts.resetEmail(for: token) != nil else {
            throw HTTPError(status: 404, message: "This reset link is invalid or has expired. Request a new one.")
        }
        let fields: HTML = """
            <label>New password (at least 10 characters) <input type="password" name="password" autocomplete="new-password" minlength="10" required></label><button type="submit">Set password</button>
            """
        return anonymousForm(request, title: "Choose a new password", notice: message, fields: fields, action: "/password-reset/" + token, status: status)
    }

    private func completeReset(_ request: HTTPRequest) throws -> HTTPResponse {
        let token = request.pathParameters["token"] ?? ""
        do {
            guard let email = try accounts.resetPassword(token: token, newPassword: try formFields(request)["password"] ?? "") else {
                throw HTTPError(status: 404, message: "This reset link is invalid or has expired. Request a new one.")
            }
            logger.info("password reset", ["user.email": email])
            return loginPage(request, message: "Your password was changed. Sign in with the new one.")
        } catch let error as AccountError {
            return try newPasswordPage(request, message: error.description, status: 422)
        }
    }
}

extension String {
    /// The string without one trailing `suffix`.
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
