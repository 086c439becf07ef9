import Foundation
import Synchronization
import Testing

@testable import FlatDesk

/// Inbound messages per second through the webhook, commit included, into a generated helpdesk.
@Suite(.serialized) struct IntakeBenchmarkTests {
    /// What one run measured.
    struct Measurement: CustomStringConvertible {
        var tickets: Int
        var messages: Int
        var clients: Int
        var seconds: Double
        var statuses: [Int: Int]
        var latencies: [Double]
        /// Tickets and thread entries in the index after the run.
        var ticketsAfter: Int
        var entriesAfter: Int

        var perSecond: Double { Double(messages) / seconds }

        func percentile(_ fraction: Double) -> Double {
            let sorted = latencies.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
        }

        var description: String {
            String(
                format:
                    "tickets: %d, messages: %d, clients: %d, seconds: %.2f, messages/s: %.1f, p50: %.1f ms, p99: %.1f ms, statuses: %@",
                tickets, messages, clients, seconds, perSecond, percentile(0.5) * 1000, percentile(0.99) * 1000,
                "\(statuses)")
        }
    }

    /// Writes `count` tickets, each with a request carrying a Message-ID, in one commit.
    static func generateHelpdesk(tickets count: Int) throws -> (path: String, messageIDs: [String]) {
        let path = try TestSupport.emptyHelpdesk(bare: true)
        let store = try GitStore(path: path)
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        var changes: [FileChange] = []
        var messageIDs: [String] = []
        changes.reserveCapacity(count)
        for number in 1...count {
            let id = "FD-\(number)"
            let messageID = "request-\(number)@customers.example"
            var ticket = Ticket(
                id: id, status: "open", subject: "Generated request \(number)",
                requester: "user\(number % 500)@customers.example",
                channel: .email, createdAt: start.addingTimeInterval(Double(number) * 60),
                requestText: "Generated request body \(number).")
            ticket.entries[0].attributes.append(("message-id", messageID))
            changes.append(FileChange(path: Ticket.path(for: id), contents: TicketCodec.encode(ticket)))
            messageIDs.append(messageID)
        }
        let author = CommitIdentity(name: "Generator", email: "generator@example.com", time: Date())
        try store.commit(author: author, message: "Generate \(count) tickets", changes: changes)
        // A helpdesk in use for a while is packed; 10,000 loose blobs would also start a repack mid-run.
        store.runMaintenance()
        return (path, messageIDs)
    }

    /// Posts `messages` raw-form payloads from `clients` threads: even ones open tickets, odd ones reply by In-Reply-To.
    static func run(tickets: Int, messages: Int, clients: Int) throws -> Measurement {
        let (path, messageIDs) = try generateHelpdesk(tickets: tickets)
        let (helpdesk, server) = try startServer(path, threads: clients)
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.boundPort ?? 0)/api/webhooks/inbound-email?token=\(IntakeWebServer.secret)"
        let bodies = (0..<messages).map { index in payload(index, messageIDs: messageIDs) }

        let started = Date()
        let (statuses, latencies) = post(bodies, to: url, clients: clients)
        let seconds = Date().timeIntervalSince(started)

        let indexed = helpdesk.index.allTickets()
        return Measurement(
            tickets: tickets, messages: messages, clients: clients, seconds: seconds, statuses: statuses,
            latencies: latencies, ticketsAfter: indexed.count, entriesAfter: indexed.map(\.entryCount).reduce(0, +))
    }

    /// Starts the web app on the helpdesk at `path` with the webhook secret set.
    static func startServer(_ path: String, threads: Int) throws -> (Helpdesk, HTTPServer) {
        let logger = Logger(label: "bench", minimumLevel: .error)
        let helpdesk = try Helpdesk(path: path, logger: logger)
        let environment = ["FLATDESK_SECRETS_DIR": TestSupport.temporaryFolder("secrets")]
        let accounts = try AccountStore(
            gitDirectory: helpdesk.store.gitDirectory, hasher: PasswordHasher(opsLimit: 1, memLimit: 8192),
            environment: environment)
        try accounts.secrets.write(InboundWebhookSecret.secretName, IntakeWebServer.secret)
        let app = WebApp(helpdesk: helpdesk, accounts: accounts, logger: logger)
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.threadPoolSize = threads
        let server = HTTPServer(configuration: configuration, router: app.makeRouter(), logger: logger)
        try server.start()
        return (helpdesk, server)
    }

    /// Posts every body from `clients` threads; returns the count of each status and every latency in seconds.
    static func post(_ bodies: [[UInt8]], to url: String, clients: Int) -> ([Int: Int], [Double]) {
        let results = Mutex<(statuses: [Int: Int], latencies: [Double])>(([:], []))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: clients) { _ in
            let client = OutboundHTTPClient()
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < bodies.count else { break }
                let request = OutboundHTTPRequest(
                    method: "POST", url: url, headers: ["Content-Type": "multipart/form-data; boundary=xYzZY"],
                    body: bodies[index], timeout: .seconds(30))
                let sent = Date()
                let status = (try? client.send(request).status) ?? -1
                let latency = Date().timeIntervalSince(sent)
                results.withLock {
                    $0.statuses[status, default: 0] += 1
                    $0.latencies.append(latency)
                }
            }
        }
        return results.withLock { ($0.statuses, $0.latencies) }
    }

    private static func payload(_ index: Int, messageIDs: [String]) -> [UInt8] {
        var email = TestEmail()
        email.from = "user\(index % 500)@customers.example"
        email.messageID = "<bench-\(index)-\(UUID().uuidString)@customers.example>"
        email.body = "Benchmark message \(index).\nThe second line of the message."
        if index % 2 == 1 {
            let target = messageIDs[(index * 7919) % messageIDs.count]
            email.subject = "Re: Generated request"
            email.inReplyTo = "<\(target)>"
        } else {
            email.subject = "Benchmark request \(index)"
        }
        return SendGridForm.raw(email.bytes)
    }

    @Test func smallRunStoresEveryMessage() throws {
        let measurement = try Self.run(tickets: 300, messages: 40, clients: 4)
        #expect(measurement.statuses == [200: 40])
        #expect(measurement.ticketsAfter == 320)
        #expect(measurement.entriesAfter == 340)
    }

    /// The full-size run; set FLATDESK_INTAKE_BENCHMARK=1 and use a release build (`-c release`) for real numbers.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FLATDESK_INTAKE_BENCHMARK"] == "1"))
    func fullRunMeetsTarget() throws {
        let measurement = try Self.run(tickets: 10_000, messages: 2000, clients: 4)
        print("intake benchmark: \(measurement)")
        #expect(measurement.statuses == [200: 2000])
        #expect(measurement.ticketsAfter == 11_000)
        #expect(measurement.perSecond >= 200)
    }
}
