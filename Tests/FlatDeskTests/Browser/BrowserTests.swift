import Foundation
import Testing

@testable import FlatDesk

/// The console and portal in headless Chromium, against a real `flatdesk serve` over a sample helpdesk copy.
///
/// `Tests/Helpers/browser/run_flows.py` drives the browser and reports one result per step. Each step gets its
/// own expectation here, so a failure names the step and quotes its detail. Screenshots of the queue, a
/// ticket and the portal home are saved in `.build/test-artifacts/screenshots/`.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct BrowserTests {
    static let password = "correct-horse-battery"
    static let agent = "lena.fischer@northwind.example"
    /// The supervisor of the agent's team, who changes the agent's ticket from the command line.
    static let colleague = "jonas.weber@northwind.example"
    static let customer = "tom.baker@northwind.example"
    static let otherCustomer = "olivia.grant@contoso.example"
    /// Lena Fischer's ticket in "All open". It waits for the customer, so its SLA clock is paused and no
    /// background SLA commit changes its version while the browser edits it.
    static let agentTicket = "FD-16"
    /// A Contoso ticket, which Tom Baker of Northwind may not see.
    static let hiddenTicket = "FD-22"
    /// Seconds the browser script may run before it and its Chromium are stopped.
    static let scriptSeconds = 120

    /// The steps `run_flows.py` reports, in order.
    static let expectedSteps = [
        "agent-signs-in", "queue-lists-open-tickets", "ticket-opens-from-queue", "public-reply-appears-in-thread",
        "priority-change-shows-at-once", "priority-change-updates-version", "stale-change-rolls-back-with-alert",
        "rejected-change-is-not-saved", "internal-note-appears-marked", "help-overlay-opens-with-question-mark",
        "agent-signs-out", "customer-signs-in", "portal-home-lists-requests", "catalog-lists-items",
        "catalog-request-submitted", "request-listed-in-my-requests", "request-opens-from-my-requests",
        "hidden-ticket-url-is-not-found", "injected-request-submitted", "injection-inert-on-portal-ticket",
        "injection-inert-on-portal-home", "customer-signs-out", "other-customer-signs-in",
        "other-customers-request-is-not-found", "other-customer-signs-out", "agent-signs-in-again",
        "injection-inert-on-console-ticket", "injection-inert-on-console-queue",
    ]

    static let screenshotNames = ["console-queue.png", "console-ticket.png", "portal-home.png"]

    @Test func consoleAndPortalFlowsInChromium() throws {
        let missing = BrowserScript.missingPrerequisites()
        try #require(missing.isEmpty, "browser prerequisites: \(missing.joined(separator: "; "))")
        let helpdesk = try TestSupport.sampleHelpdesk()
        let environment = ["FLATDESK_SECRETS_DIR": TestSupport.temporaryFolder("browser-secrets")]
        for email in [Self.agent, Self.customer, Self.otherCustomer] {
            try Self.setPassword(email, helpdesk: helpdesk, environment: environment)
        }
        try Self.removeOldScreenshots()
        let server = try BrowserServeProcess(helpdesk: helpdesk, environment: environment)
        let result = try BrowserScript.run(
            "run_flows.py", try Self.scriptArguments(server.baseURL, helpdesk: helpdesk), seconds: Self.scriptSeconds)
        let stopped = server.stop()

        Self.expectSteps(result, serverLog: server.logTail())
        Self.expectScreenshots()
        #expect(stopped.hasPrefix("stopped by SIGINT"), "flatdesk serve \(stopped)")
    }

    /// Sets a password with `flatdesk user passwd EMAIL -C DIR --password-stdin`.
    static func setPassword(_ email: String, helpdesk: String, environment: [String: String]) throws {
        let result = try TestSupport.run(
            TestSupport.executable, ["user", "passwd", email, "-C", helpdesk, "--password-stdin"],
            input: password + "\n", environment: environment)
        guard result.status == 0 else {
            throw TestFailure("flatdesk user passwd \(email) failed (\(result.status)): \(result.error)")
        }
    }

    static func scriptArguments(_ baseURL: String, helpdesk: String) throws -> [String] {
        [
            "--base-url", baseURL, "--helpdesk", helpdesk, "--flatdesk", TestSupport.executable,
            "--screenshots", BrowserScript.screenshots, "--password", password, "--agent", agent,
            "--colleague", colleague, "--customer", customer, "--other-customer", otherCustomer,
            "--agent-ticket", agentTicket, "--hidden-ticket", hiddenTicket,
            "--hidden-subject", try subject(of: hiddenTicket, in: helpdesk),
        ]
    }

    /// Reads a ticket's subject from the helpdesk's working tree.
    static func subject(of id: String, in helpdesk: String) throws -> String {
        let path = "tickets/000/\(id).md"
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: helpdesk + "/" + path)))
        return try TicketCodec.decode(bytes, path: path).subject
    }

    static func removeOldScreenshots() throws {
        let folder = BrowserScript.screenshots
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".png") {
            try FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    /// Expects every step to be reported and to pass, and the script to exit 0 in time.
    static func expectSteps(_ result: BrowserScriptResult, serverLog: String) {
        let context = "script standard error:\n\(result.errorTail)\nserver log:\n\(serverLog)"
        #expect(!result.timedOut, "the browser script ran longer than \(scriptSeconds) s; \(context)")
        #expect(
            result.unparsedOutput == nil, "the browser script printed no JSON result: \(result.unparsedOutput ?? "")")
        for name in expectedSteps {
            let step = result.step(name)
            #expect(step != nil, "step \(name) was not reported; \(context)")
            if let step { #expect(step.ok, "step \(name): \(step.detail)") }
        }
        for step in result.steps where !expectedSteps.contains(step.name) {
            #expect(step.ok, "step \(step.name): \(step.detail)")
        }
        #expect(result.exitStatus == 0, "the browser script exited with \(result.exitStatus); \(context)")
    }

    /// Expects each named screenshot to be a PNG of the 1280-pixel-wide browser window.
    static func expectScreenshots() {
        for name in screenshotNames {
            let path = BrowserScript.screenshots + "/" + name
            let bytes = (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(path) is not a PNG file")
            #expect(pngWidth(bytes) == 1280, "\(path) is \(pngWidth(bytes)) pixels wide, expected 1280")
        }
    }

    /// Returns the width from a PNG's IHDR chunk (bytes 16 to 19, big-endian), or 0 for a short file.
    static func pngWidth(_ bytes: [UInt8]) -> Int {
        guard bytes.count >= 24 else { return 0 }
        return bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
    }
}
