import Foundation
import Testing

@testable import FlatDesk

/// A running web app on 127.0.0.1 over a fresh copy of the sample helpdesk, with passwords set for
/// the people in `WebTestServer.passwords`.
final class WebTestServer {
    static let password = "correct-horse-battery"
    /// An agent, a supervisor, an admin and customers of two organizations.
    static let agent = "lena.fischer@northwind.example"
    static let customer = "tom.baker@northwind.example"
    static let otherCustomer = "olivia.grant@contoso.example"

    let path: String
    let helpdesk: Helpdesk
    let accounts: AccountStore
    let app: WebApp
    let server: HTTPServer
    let logSink = CapturingLogSink()
    var baseURL: String { "http://127.0.0.1:\(server.boundPort ?? 0)" }

    init(bare: Bool = true, clock: (@Sendable () -> Date)? = nil) throws {
        path = try TestSupport.sampleHelpdesk(bare: bare)
        helpdesk = try Helpdesk(path: path, clock: clock ?? Date.init)
        let environment = ["FLATDESK_SECRETS_DIR": TestSupport.temporaryFolder("secrets")]
        accounts = try AccountStore(gitDirectory: helpdesk.store.gitDirectory, hasher: PasswordHasher(opsLimit: 1, memLimit: 8192), environment: environment)
        for person in helpdesk.settings.people {
            try accounts.setPassword(Self.password, for: person.email)
        }
        let logger = Logger(label: "test", minimumLevel: .debug, sink: logSink)
        let search = try SearchService(helpdesk: helpdesk)
        try search.fill()
        app = WebApp(helpdesk: helpdesk, accounts: accounts, throttle: LoginThrottle(), logger: logger, search: search)
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        server = HTTPServer(configuration: configuration, router: app.makeRouter(), logger: logger)
        try server.start()
    }

    deinit {
        server.stop()
    }

    /// A browser-like client with its own cookie jar.
    func client() -> WebClient {
        WebClient(baseURL: baseURL)
    }

    /// A client signed in as `email`.
    func signedIn(_ email: String) throws -> WebClient {
        let client = client()
        let response = try client.signIn(email, password: Self.password)
        guard response.status == 303 else { throw TestFailure("sign-in as \(email) returned \(response.status)") }
        return client
    }
}

/// A client that keeps cookies between requests, like a browser, using the curl command line.
final class WebClient {
    let baseURL: String
    let cookieJar = TestSupport.temporaryFolder("cookies") + "/jar.txt"

    init(baseURL: String) {
        self.baseURL = baseURL
    }

    /// Sends a request; `form` is sent urlencoded, `json` as application/json.
    func request(_ method: String, _ path: String, form: [String: String]? = nil, json: String? = nil, headers: [String] = [])
        throws -> CurlResponse
    {
        var allHeaders = headers
        var body: [UInt8]?
        if let form {
            body = Array(Self.urlencoded(form).utf8)
            allHeaders.append("Content-Type: application/x-www-form-urlencoded")
        } else if let json {
            body = Array(json.utf8)
            allHeaders.append("Content-Type: application/json")
        }
        return try Curl.request(baseURL + path, method: method, headers: allHeaders, body: body, extra: ["-b", cookieJar, "-c", cookieJar])
    }

    func get(_ path: String, headers: [String] = []) throws -> CurlResponse {
        try request("GET", path, headers: headers)
    }

    /// Posts a form, adding the CSRF token from the last page's meta tag or hidden field.
    func post(_ path: String, _ form: [String: String], csrfFrom page: CurlResponse? = nil) throws -> CurlResponse {
        var fields = form
        if fields["_csrf"] == nil, let token = page.flatMap({ Self.csrfToken(in: $0.text) }) { fields["_csrf"] = token }
        return try request("POST", path, form: fields)
    }

    func signIn(_ email: String, password: String) throws -> CurlResponse {
        let login = try get("/login")
        return try post("/login", ["email": email, "password": password], csrfFrom: login)
    }

    /// The CSRF token in a page: the `csrf-token` meta tag, else the first `_csrf` hidden field.
    static func csrfToken(in html: String) -> String? {
        for marker in ["name=\"csrf-token\" content=\"", "name=\"_csrf\" value=\""] {
            guard let start = html.range(of: marker) else { continue }
            let rest = html[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { continue }
            let token = String(rest[..<end])
            if !token.isEmpty { return token }
        }
        return nil
    }

    static func urlencoded(_ form: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return form.sorted { $0.key < $1.key }.map { key, value in
            (key.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
    }
}
