import Foundation
import Testing

@testable import FlatDesk

/// The web app on 127.0.0.1 over a fresh sample helpdesk, with the attachment download registered and an
/// inbound webhook secret set.
final class IntakeWebServer {
    static let secret = "inbound-secret-for-tests-0123456789"

    let path: String
    let helpdesk: Helpdesk
    let accounts: AccountStore
    let app: WebApp
    let server: HTTPServer
    var baseURL: String { "http://127.0.0.1:\(server.boundPort ?? 0)" }
    var webhookURL: String { baseURL + "/api/webhooks/inbound-email" }

    init(secret: String? = IntakeWebServer.secret, mailSettings: String? = nil) throws {
        path = try TestSupport.sampleHelpdesk(bare: true)
        helpdesk = try Helpdesk(path: path, logger: Logger(label: "test", minimumLevel: .error))
        if let mailSettings { try IntakeDesk.writeMailSettings(mailSettings, helpdesk: helpdesk) }
        let environment = ["FLATDESK_SECRETS_DIR": TestSupport.temporaryFolder("secrets")]
        accounts = try AccountStore(
            gitDirectory: helpdesk.store.gitDirectory, hasher: PasswordHasher(opsLimit: 1, memLimit: 8192),
            environment: environment)
        for person in helpdesk.settings.people {
            try accounts.setPassword(WebTestServer.password, for: person.email)
        }
        if let secret { try accounts.secrets.write(InboundWebhookSecret.secretName, secret) }
        app = WebApp(helpdesk: helpdesk, accounts: accounts, logger: Logger(label: "test", minimumLevel: .error))
        let router = app.makeRouter()
        app.registerAttachments(on: router)
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        server = HTTPServer(
            configuration: configuration, router: router, logger: Logger(label: "test", minimumLevel: .error))
        try server.start()
    }

    deinit {
        server.stop()
    }

    /// Posts a SendGrid form body to the webhook with `?token=`.
    func post(_ body: [UInt8], token: String? = IntakeWebServer.secret, boundary: String = "xYzZY") throws
        -> CurlResponse
    {
        let query = token.map { "?token=" + $0 } ?? ""
        return try Curl.request(
            webhookURL + query, method: "POST", headers: ["Content-Type: multipart/form-data; boundary=\(boundary)"],
            body: body)
    }

    /// Returns a client signed in as `email`.
    func signedIn(_ email: String) throws -> WebClient {
        let client = WebClient(baseURL: baseURL)
        let response = try client.signIn(email, password: WebTestServer.password)
        guard response.status == 303 else { throw TestFailure("sign-in as \(email) returned \(response.status)") }
        return client
    }
}

/// SendGrid Inbound Parse form bodies built in tests, with the boundary `xYzZY` SendGrid uses.
enum SendGridForm {
    /// Builds the raw form: the whole message in the `email` field.
    static func raw(_ message: [UInt8]) -> [UInt8] {
        body([("email", nil, message), ("to", nil, Array(IntakeDesk.support.utf8))])
    }

    /// Builds the parsed form: the header block, text and files as separate fields.
    static func parsed(
        headers: String, text: String, from: String, subject: String, charsets: String = #"{"text":"UTF-8"}"#,
        files: [(name: String, type: String, bytes: [UInt8])] = []
    ) -> [UInt8] {
        var fields: [(String, String?, [UInt8])] = [
            ("headers", nil, Array(headers.utf8)), ("from", nil, Array(from.utf8)),
            ("subject", nil, Array(subject.utf8)),
            ("text", nil, Array(text.utf8)), ("charsets", nil, Array(charsets.utf8)),
            ("attachments", nil, Array("\(files.count)".utf8)),
        ]
        var info: [String] = []
        for (index, file) in files.enumerated() {
            fields.append(("attachment\(index + 1)", "\(file.name)|\(file.type)", file.bytes))
            info.append(#""attachment\#(index + 1)": {"filename": "\#(file.name)", "type": "\#(file.type)"}"#)
        }
        fields.append(("attachment-info", nil, Array(("{" + info.joined(separator: ", ") + "}").utf8)))
        return body(fields)
    }

    /// Fields as (name, "filename|type" for files, bytes).
    private static func body(_ fields: [(String, String?, [UInt8])]) -> [UInt8] {
        var output: [UInt8] = []
        for (name, file, bytes) in fields {
            var header = "--xYzZY\r\nContent-Disposition: form-data; name=\"\(name)\""
            if let file {
                let parts = file.split(separator: "|")
                header += "; filename=\"\(parts[0])\"\r\nContent-Type: \(parts[1])"
            }
            output += Array((header + "\r\n\r\n").utf8) + bytes + Array("\r\n".utf8)
        }
        return output + Array("--xYzZY--\r\n".utf8)
    }
}
