import Foundation
import Testing

@testable import FlatDesk

@Suite struct ConsoleFormattingTests {
    @Test func businessTimeCountsHours() {
        #expect(ConsoleSLAStatus.duration(33 * 3600 + 10 * 60, businessTime: true) == "33h 10m bh")
        #expect(ConsoleSLAStatus.duration(48 * 3600, businessTime: true) == "48h bh")
        #expect(ConsoleSLAStatus.duration(20 * 60, businessTime: true) == "20m bh")
    }

    @Test func durationsRoundUpToMinutes() {
        #expect(ConsoleSLAStatus.duration(35 * 60) == "35m")
        #expect(ConsoleSLAStatus.duration(35 * 60 - 20) == "35m")
        #expect(ConsoleSLAStatus.duration(2 * 3600 + 10 * 60) == "2h 10m")
        #expect(ConsoleSLAStatus.duration(3 * 3600) == "3h")
        #expect(ConsoleSLAStatus.duration(3 * 86_400 + 4 * 3600) == "3d 4h")
        #expect(ConsoleSLAStatus.duration(0) == "0m")
    }

    @Test func slaStatusTexts() {
        func countdown(
            remaining: Int?, overdue: Bool = false, paused: Bool = false, breached: Bool = false, soon: Bool = false
        )
            -> SLACountdown
        {
            SLACountdown(
                target: remaining == nil ? nil : .resolution, dueAt: nil, remainingSeconds: remaining,
                isOverdue: overdue,
                isPaused: paused, isBreached: breached, isBreachingSoon: soon, isBusinessTime: false)
        }
        #expect(ConsoleSLAStatus(countdown(remaining: 7800, soon: true)) == .init(state: .soon, text: "due in 2h 10m"))
        #expect(ConsoleSLAStatus(countdown(remaining: 90_000)) == .init(state: .ok, text: "due in 1d 1h"))
        #expect(
            ConsoleSLAStatus(countdown(remaining: -2100, overdue: true, breached: true))
                == .init(state: .overdue, text: "overdue 35m"))
        #expect(ConsoleSLAStatus(countdown(remaining: 600, paused: true)) == .init(state: .paused, text: "paused"))
        #expect(
            ConsoleSLAStatus(countdown(remaining: nil, breached: true)) == .init(state: .breached, text: "breached"))
        #expect(ConsoleSLAStatus(countdown(remaining: nil)) == .init(state: .none, text: "—"))
        #expect(ConsoleSLAStatus(nil) == .init(state: .none, text: "—"))
    }

    @Test func queueOptionsRoundTrip() {
        let options = ConsoleQueueOptions(query: [
            "sort": "priority", "desc": "1", "priority": "high", "type": "problem", "q": "vpn & wifi", "page": "3",
        ])
        #expect(options.sort == .priority)
        #expect(options.descending == true)
        #expect(options.priority == .high)
        #expect(options.ticketType == .problem)
        #expect(options.page == 3)
        #expect(options.queryString == "?sort=priority&desc=1&priority=high&type=problem&q=vpn%20%26%20wifi&page=3")
        let query = options.applied(to: TicketQuery())
        #expect(query.offset == 100)
        #expect(query.limit == 50)
        #expect(query.text == "vpn & wifi")
    }

    @Test func queueOptionsIgnoreUnknownValues() {
        let options = ConsoleQueueOptions(query: ["sort": "color", "priority": "extreme", "page": "-4"])
        #expect(options == ConsoleQueueOptions())
        #expect(options.queryString == "")
    }

    @Test func suggestionsRankTitleOverTags() {
        let date = Date(timeIntervalSince1970: 0)
        let articles = [
            KBArticle(
                id: "tagged", title: "Remote access", status: .published, tags: ["vpn"], createdAt: date, body: ""),
            KBArticle(id: "titled", title: "VPN drops", status: .published, createdAt: date, body: ""),
            KBArticle(id: "draft", title: "VPN drafts", status: .draft, createdAt: date, body: ""),
            KBArticle(id: "other", title: "Printers", status: .published, createdAt: date, body: ""),
        ]
        let ticket = Ticket(
            id: "FD-1", subject: "The VPN drops", requester: "a@example.com", channel: .email, createdAt: date,
            requestText: "x")
        let ids = ConsoleKnowledgeSuggester.suggestions(for: ticket, in: articles).map(\.id)
        #expect(ids == ["titled", "tagged"])
        #expect(ConsoleKnowledgeSuggester.words("Printers don't print!") == ["printer", "print"])
    }
}
