import Foundation
import Testing

@testable import FlatDesk

@Suite struct BranchFollowerTests {
    /// Waits up to `seconds` for `condition`, checking every 50 ms.
    func eventually(_ seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try condition()
    }

    @Test func brokenFileFromElsewhereIsLogged() throws {
        let path = try TestSupport.sampleHelpdesk()
        let sink = CapturingLogSink()
        let helpdesk = try Helpdesk(path: path, logger: Logger(label: "test", minimumLevel: .info, sink: sink))
        let follower = BranchFollower(helpdesk: helpdesk, interval: 0.05)
        follower.start()
        defer { follower.stop() }

        let file = path + "/" + Ticket.path(for: "FD-19")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"priority\":", with: "\"priority\"").write(toFile: file, atomically: true, encoding: .utf8)
        try TestSupport.git(["commit", "-q", "-am", "Break FD-19 by hand"], in: path)

        let logged = eventually { sink.captured.contains { $0.contains("unreadable file") && $0.contains("FD-19.md:") } }
        #expect(logged)
        #expect(helpdesk.index.ticket("FD-19") == nil)
        try TestSupport.git(["commit", "-q", "--allow-empty", "-m", "Unrelated"], in: path)
        _ = eventually(1) { false }
        #expect(sink.captured.filter { $0.contains("unreadable file") }.count == 1, "each problem is logged once")
    }
}
