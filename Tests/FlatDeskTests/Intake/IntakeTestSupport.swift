import Foundation
import Testing

@testable import FlatDesk

/// A fresh copy of the sample helpdesk (bare) with a mail intake, and optionally `settings/mail.json`.
final class IntakeDesk {
    static let support = "support@northwind.example"
    static let requester = "tom.baker@northwind.example"
    static let colleague = "anna.schulz@northwind.example"
    static let otherCustomer = "olivia.grant@contoso.example"
    static let agent = "lena.fischer@northwind.example"

    let path: String
    let helpdesk: Helpdesk
    let intake: MailIntake

    init(mailSettings: String? = nil, bare: Bool = true) throws {
        path = try TestSupport.sampleHelpdesk(bare: bare)
        helpdesk = try Helpdesk(path: path, logger: Logger(label: "test", minimumLevel: .error))
        if let mailSettings { try Self.writeMailSettings(mailSettings, helpdesk: helpdesk) }
        intake = try MailIntake(helpdesk: helpdesk)
    }

    /// Commits `settings/mail.json` and reloads the settings.
    static func writeMailSettings(_ json: String, helpdesk: Helpdesk) throws {
        let bot = CommitIdentity(name: "Test", email: "test@example.com", time: Date())
        try helpdesk.store.commit(
            author: bot, message: "Add mail settings",
            changes: [FileChange(path: MailSettings.path, contents: Array(json.utf8))])
        try helpdesk.refresh()
    }

    /// Runs a message written in a test through the intake.
    @discardableResult
    func ingest(_ message: TestEmail) throws -> MailIntakeResult {
        try intake.ingest(raw: message.bytes)
    }

    func ticket(_ id: String?) throws -> Ticket {
        guard let id else { throw TestFailure("no ticket id in the result") }
        return try helpdesk.ticket(id).ticket
    }

    /// Reads a file at the branch head; returns nil when there is none.
    func file(_ path: String) throws -> [UInt8]? {
        try helpdesk.store.read { try $0.read(path) }
    }

    /// Paths of the dead-letter `.eml` files.
    var deadLetterFiles: [String] {
        let folder = intake.deadLetter.directory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted().map { folder + "/" + $0 }
    }
}

/// An email written in a test, rendered with CRLF line endings.
struct TestEmail {
    var from = IntakeDesk.requester
    var to = IntakeDesk.support
    var cc: [String] = []
    var subject = "Printer on floor 2 jams"
    var messageID: String? = "<\(UUID().uuidString)@mail.northwind.example>"
    var inReplyTo: String?
    var references: [String] = []
    var extraHeaders: [String] = []
    var body = "The printer jams on every second page.\n"
    /// Files as (name, media type, bytes); they make the message multipart/mixed.
    var attachments: [(name: String, type: String, bytes: [UInt8])] = []

    var bytes: [UInt8] {
        var lines = ["From: \(from)", "To: \(to)", "Subject: \(subject)", "Date: Mon, 30 Nov 2026 08:12:00 +0000"]
        if !cc.isEmpty { lines.append("Cc: " + cc.joined(separator: ", ")) }
        if let messageID { lines.append("Message-ID: \(messageID)") }
        if let inReplyTo { lines.append("In-Reply-To: \(inReplyTo)") }
        if !references.isEmpty { lines.append("References: " + references.joined(separator: " ")) }
        lines += extraHeaders
        lines.append("MIME-Version: 1.0")
        if attachments.isEmpty {
            lines += ["Content-Type: text/plain; charset=utf-8", "", body]
        } else {
            lines += ["Content-Type: multipart/mixed; boundary=\"b-test\"", "", "--b-test"]
            lines += ["Content-Type: text/plain; charset=utf-8", "", body]
            for file in attachments {
                lines += [
                    "--b-test", "Content-Type: \(file.type); name=\"\(file.name)\"",
                    "Content-Disposition: attachment; filename=\"\(file.name)\"", "Content-Transfer-Encoding: base64",
                    "",
                    Data(file.bytes).base64EncodedString(options: .lineLength76Characters),
                ]
            }
            lines.append("--b-test--")
        }
        let text = lines.joined(separator: "\n").replacingOccurrences(of: "\r\n", with: "\n")
        return Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// Returns a reply to this message, threaded by In-Reply-To and References.
    func reply(from sender: String, body: String) -> TestEmail {
        var reply = TestEmail()
        reply.from = sender
        reply.subject = "Re: " + subject
        reply.inReplyTo = messageID
        reply.references = [messageID].compactMap { $0 }
        reply.body = body
        return reply
    }
}

/// The python SMTP server in `Tests/Helpers`, whose replies a test changes through control files.
final class IntakeSMTPServer {
    let process: LoopbackServerProcess

    init() throws {
        process = try LoopbackServerProcess(script: "../../Helpers/intake_smtp_server.py").start()
    }

    var port: Int { process.port }
    var folder: String { process.output.path }

    /// Makes the server reply to DATA with `reply`, such as `451 4.3.0 Try again later`; nil accepts again.
    func replyToData(_ reply: String?) throws {
        let path = folder + "/data-reply"
        guard let reply else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        try Data(reply.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Makes the server reply to RCPT TO for each address with the given reply.
    func replyToRecipients(_ replies: [String: String]) throws {
        let data = try JSONSerialization.data(withJSONObject: replies)
        try data.write(to: URL(fileURLWithPath: folder + "/rcpt-reply.json"))
    }

    /// Times DATA was refused.
    var refusedCount: Int {
        let text = (try? String(contentsOfFile: folder + "/refused-data.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").count
    }

    /// Received messages, parsed, oldest first.
    func received() throws -> [InboundMessage] {
        try receivedBytes().map { try MailParser.parse($0) }
    }

    func receivedBytes() throws -> [[UInt8]] {
        try process.files(withSuffix: ".eml").map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))) }
    }

    /// Waits up to `seconds` until at least `count` messages arrived; returns them.
    func waitForMessages(_ count: Int, seconds: TimeInterval = 10) throws -> [InboundMessage] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try process.files(withSuffix: ".eml").count >= count { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try received()
    }

    /// `settings/mail.json` for this server with short retry delays.
    func mailSettings(maxAttachmentBytes: Int = 10_485_760, firstRetrySeconds: Double = 0.3, maxAttempts: Int = 5)
        -> String
    {
        """
        {
          "formatVersion": 1,
          "smtp": {"url": "smtp://127.0.0.1:\(port)", "startTLS": "none"},
          "fromName": "Northwind IT",
          "supportAddress": "\(IntakeDesk.support)",
          "maxAttachmentBytes": \(maxAttachmentBytes),
          "outbox": {"firstRetrySeconds": \(firstRetrySeconds), "maxRetrySeconds": 1, "maxAttempts": \(maxAttempts)}
        }
        """
    }
}

/// Waits up to `seconds` for `condition`, checking every 50 ms.
func eventually(seconds: TimeInterval = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return try condition()
}
