import Foundation

extension WebApp {
    func registerAuthentication(on router: Router) {
        router.get("/") { request in
            guard let viewer = request.viewer else { return .redirect(to: "/login") }
            return .redirect(to: viewer.isStaff ? "/console" : "/portal")
        }
        router.get("/login") { [self] request in loginPage(request, message: nil) }
        router.post("/login") { [self] request in try signIn(request) }
        router.post("/logout") { [self] request in signOut(request) }
        router.get("/signup") { [self] request in try signupPage(request, message: nil) }
        router.post("/signup") { [self] request in try signUp(request) }
    }

    /// The sign-in form; sets the double-submit CSRF cookie that anonymous forms carry.
    func loginPage(_ request: HTTPRequest, message: String?, status: Int = 200) -> HTTPResponse {
        let token = request.cookies[Self.anonymousCSRFCookie] ?? SecureRandom.token(byteCount: 24)
        let next = Self.safeRedirect(request.query["next"])
        let signup: HTML = helpdesk.settings.profile.portal.allowSignup ? "<p>New here? <a href=\"/signup\">Create an account</a>.</p>" : .empty
        // The reset link is offered only where the helpdesk can send it by email.
        let resetLink: HTML =
            resetMailer == nil ? .empty : "<p><a href=\"/password-reset\">Forgot your password?</a></p>"
        let notice: HTML = message.map { "<p class=\"notice error\" role=\"alert\">\($0)</p>" } ?? .empty
        let body: HTML = """
            <section class="auth"><h1>Sign in</h1>\(notice)
            <form method="post" action="/login">
            <input type="hidden" name="_csrf" value="\(token)"><input type="hidden" name="next" value="\(next ?? "")">
            <label>Email <input type="email" name="email" autocomplete="username" required autofocus></label>
            <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button>
            </form>\(resetLink)\(signup)</section>
            """
        var response = page("Sign in", request, body, status: status)
        response.headers.add("Set-Cookie", cookie(Self.anonymousCSRFCookie, token, maxAge: 3600))
        return response
    }

    func signIn(_ request: HTTPRequest) throws -> HTTPResponse {
        let form = try formFields(request)
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let address = request.remoteAddress ?? "unknown"
        if let wait = throttle.retryAfter(account: email, address: address) {
            logger.warning("sign-in throttled", ["user.email": email, "client.address": address])
            var response = loginPage(request, message: "Too many failed attempts. Try again in \(wait / 60 + 1) minutes.", status: 429)
            response.headers.set("Retry-After", String(wait))
            return response
        }
        guard let person = helpdesk.settings.person(email), accounts.verifyPassword(form["password"] ?? "", for: email) else {
            throttle.recordFailure(account: email, address: address)
            logger.info("sign-in failed", ["user.email": email, "client.address": address])
            return loginPage(request, message: "The email or password is not correct.", status: 401)
        }
        throttle.recordSuccess(account: email)
        let (id, _) = accounts.startSession(for: person.email)
        logger.info("signed in", ["user.email": email, "user.role": person.role.rawValue])
        let home = person.role.isStaff ? "/console" : "/portal"
        var response = HTTPResponse.redirect(to: Self.safeRedirect(form["next"]) ?? home)
        response.headers.add("Set-Cookie", cookie(Self.sessionCookie, id, maxAge: Int(AccountStore.sessionLifetime)))
        return response
    }

    func signOut(_ request: HTTPRequest) -> HTTPResponse {
        if let id = request.cookies[Self.sessionCookie] { accounts.endSession(id: id) }
        var response = HTTPResponse.redirect(to: "/login")
        response.headers.add("Set-Cookie", cookie(Self.sessionCookie, "", maxAge: 0))
        return response
    }

    /// A cookie that scripts cannot read, sent only to this site; `Secure` behind HTTPS.
    func cookie(_ name: String, _ value: String, maxAge: Int) -> String {
        "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Lax" + (secureCookies ? "; Secure" : "")
    }

    /// `target` when it is a path on this site, else nil; prevents open redirects.
    static func safeRedirect(_ target: String?) -> String? {
        guard let target, target.hasPrefix("/"), !target.hasPrefix("//"), !target.contains("\\") else { return nil }
        return target
    }
}
