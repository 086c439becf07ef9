import Foundation
import Testing

@testable import FlatDesk

@Suite struct IntakeReleaseTests {
    @Test func waitingTicketsOpenAtStart() throws {
        let helpdesk = try Helpdesk(path: try TestSupport.sampleHelpdesk(bare: true))
        #expect(helpdesk.index.ticket("FD-29")?.ticket.status == "new")
        let release = IntakeRelease(helpdesk: helpdesk)
        release.releaseWaiting()
        let released = try helpdesk.ticket("FD-29").ticket
        #expect(released.status == "open")
        #expect(released.entries.last?.text == "Status changed from new to open.")
        let bot = helpdesk.settings.profile.bot.email
        #expect(try helpdesk.history("FD-29").first?.authorEmail == bot)
    }

    @Test func ticketFromElsewhereOpens() throws {
        let path = try TestSupport.sampleHelpdesk()
        let helpdesk = try Helpdesk(path: path)
        let release = IntakeRelease(helpdesk: helpdesk)
        let file = path + "/" + Ticket.path(for: "FD-27")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let status = try #require(helpdesk.index.ticket("FD-27")?.ticket.status)
        try text.replacingOccurrences(of: "\"status\": \"\(status)\"", with: "\"status\": \"processing\"")
            .write(toFile: file, atomically: true, encoding: .utf8)
        try TestSupport.git(["commit", "-q", "-am", "Put FD-27 back into processing"], in: path)
        try withExtendedLifetime(release) {
            try helpdesk.refresh()
        }
        #expect(helpdesk.index.ticket("FD-27")?.ticket.status == "open")
    }
}
