import Foundation

extension WebApp {
    func signupPage(_ request: HTTPRequest, message: String?, status: Int = 200) throws -> HTTPResponse {
        guard helpdesk.settings.profile.portal.allowSignup else { throw HTTPError.notFound }
        let token = request.cookies[Self.anonymousCSRFCookie] ?? SecureRandom.token(byteCount: 24)
        let notice: HTML = message.map { "<p class=\"notice error\" role=\"alert\">\($0)</p>" } ?? .empty
        let body: HTML = """
            <section class="auth"><h1>Create an account</h1>\(notice)
            <form method="post" action="/signup"><input type="hidden" name="_csrf" value="\(token)">
            <label>Name <input name="name" autocomplete="name" required></label>
            <label>Email <input type="email" name="email" autocomplete="email" required></label>
            <label>Password (at least 10 characters) <input type="password" name="password" autocomplete="new-password" minlength="10" required></label>
            <button type="submit">Create account</button></form></section>
            """
        var response = page("Create an account", request, body, status: status)
        response.headers.add("Set-Cookie", cookie(Self.anonymousCSRFCookie, token, maxAge: 3600))
        return response
    }

    /// Adds a customer to `settings/people.json` (one commit by the new person) and signs them in.
    func signUp(_ request: HTTPRequest) throws -> HTTPResponse {
        guard helpdesk.settings.profile.portal.allowSignup else { throw HTTPError.notFound }
        let form = try formFields(request)
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form["password"] ?? ""
        guard !name.isEmpty, Self.isPlausibleEmail(email) else {
            return try signupPage(request, message: "Enter your name and a valid email address.", status: 422)
        }
        guard helpdesk.settings.person(email) == nil else {
            return try signupPage(request, message: "An account with this email exists. Sign in instead.", status: 409)
        }
        do {
            try accounts.setPassword(password, for: email)
        } catch let error as AccountError {
            return try signupPage(request, message: error.description, status: 422)
        }
        let organization = helpdesk.settings.organization(forEmail: email)?.id
        try helpdesk.addPerson(Person(email: email, name: name, role: .customer, organizationId: organization), actor: Actor(email: email, name: name, role: .customer))
        let (id, _) = accounts.startSession(for: email)
        var response = HTTPResponse.redirect(to: "/portal")
        response.headers.add("Set-Cookie", cookie(Self.sessionCookie, id, maxAge: Int(AccountStore.sessionLifetime)))
        return response
    }

    static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && email.count <= 254
            && !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
    }
}
