import Foundation

/// Writes the thread of one synthetic ticket and the fields that follow from it: first response,
/// resolution and closing times, the last update and the SLA pause.
struct SyntheticThread {
    var ticket: Ticket
    var random: SplitMix64
    let directory: SyntheticDirectory
    private let requesterName: String
    private var clock: Date
    private var remaining: Int
    private var textBudget: Int

    /// How many entries follow the request, from 0 to 8, by relative frequency.
    static let entryCounts: [(Int, Int)] = [
        (0, 6), (1, 12), (2, 20), (3, 20), (4, 15), (5, 10), (6, 7), (7, 5), (8, 5),
    ]

    init(ticket: Ticket, requesterName: String, random: SplitMix64, directory: SyntheticDirectory) {
        self.ticket = ticket
        self.random = random
        self.directory = directory
        self.requesterName = requesterName
        self.clock = ticket.createdAt
        self.remaining = 0
        self.textBudget = 0
    }

    private var isDone: Bool { ticket.status == "resolved" || ticket.status == "closed" }

    /// Adds the request and 0–8 further entries, 300–3000 bytes of text in all.
    /// The generated text is already in stored form, so it is set directly rather than normalized again.
    mutating func build() {
        remaining = ticket.status == BuiltInStatus.new.rawValue ? random.int(0...1) : random.weighted(Self.entryCounts)
        // Each text ends with at most one sentence (under 130 bytes) past its share, so the budget
        // leaves that much room per entry to keep the thread within 3000 bytes.
        let ceiling = max(800, 3000 - 130 * (remaining + 1))
        textBudget = random.weighted([
            (random.int(300...800), 35), (random.int(800...min(1600, ceiling)), 45),
            (random.int(min(1600, ceiling)...ceiling), 20),
        ])
        let requestShare = remaining == 0 ? textBudget : textBudget * random.int(40...60) / 100
        textBudget -= requestShare
        ticket.entries = [
            TicketEntry(
                id: "E1", kind: .request, author: ticket.requester, at: ticket.createdAt,
                attributes: requestAttributes(), text: "")
        ]
        addConversation()
        // The request is written last so that it also takes the budget that events left unused.
        let bytes = requestShare + textBudget
        ticket.entries[0].text = SyntheticText.request(
            subject: ticket.subject, signature: requesterName, bytes: bytes, &random)
        finish()
    }

    private func requestAttributes() -> [(key: String, value: String)] {
        var attributes = [(key: "via", value: ticket.channel.rawValue)]
        if ticket.channel == .email { attributes.append((key: "message-id", value: messageID(ticket.createdAt))) }
        return attributes
    }

    private func messageID(_ time: Date) -> String {
        let domain = ticket.requester.split(separator: "@").last.map(String.init) ?? "mail.example"
        return "\(Int(time.timeIntervalSince1970)).\(ticket.id.lowercased())@\(domain)"
    }

    /// Replies, notes and status events, leaving room for the closing events of a done ticket.
    private mutating func addConversation() {
        let closingEvents = isDone ? min(remaining, ticket.status == "closed" ? 2 : 1) : 0
        let conversation = remaining - closingEvents
        for index in 0..<conversation {
            advanceClock()
            let kind = index == 0 && ticket.assignee != nil ? TicketEntry.Kind.reply : pickKind()
            let textEntriesLeft = (index..<conversation).count
            let share = kind == .event ? 0 : textBudget / max(textEntriesLeft, 1)
            textBudget -= share
            appendEntry(kind, bytes: share)
        }
        if closingEvents >= 1 {
            advanceClock()
            ticket.resolvedAt = clock
            appendEvent("Status changed from in_progress to resolved.", author: agentEmail())
        }
        if closingEvents == 2, let resolved = ticket.resolvedAt {
            clock = resolved.addingTimeInterval(72 * 3600)
            ticket.closedAt = clock
            appendEvent("Status changed from resolved to closed.", author: SyntheticDirectory.bot)
        }
    }

    private mutating func pickKind() -> TicketEntry.Kind {
        random.weighted([(.reply, 60), (.note, 25), (.event, 15)])
    }

    private mutating func appendEntry(_ kind: TicketEntry.Kind, bytes: Int) {
        switch kind {
        case .reply where ticket.assignee != nil && (ticket.firstRespondedAt == nil || random.chance(0.5)):
            let signature = ticket.assignee.flatMap { directory.agentNames[$0] } ?? "Service desk"
            let text = SyntheticText.agentReply(to: requesterName, signature: signature, bytes: bytes, &random)
            if ticket.firstRespondedAt == nil { ticket.firstRespondedAt = clock }
            append(.reply, author: agentEmail(), text: text)
        case .reply:
            let text = SyntheticText.requesterReply(signature: requesterName, bytes: bytes, &random)
            append(.reply, author: ticket.requester, text: text, attributes: [(key: "via", value: "email")])
        case .note:
            append(.note, author: agentEmail(), text: SyntheticText.note(bytes: bytes, &random))
        default:
            appendEvent("Status changed from new to in_progress.", author: agentEmail())
        }
    }

    private mutating func appendEvent(_ text: String, author: String) {
        append(.event, author: author, text: text)
    }

    private mutating func append(
        _ kind: TicketEntry.Kind, author: String, text: String, attributes: [(key: String, value: String)] = []
    ) {
        var entry = TicketEntry(
            id: "E\(ticket.entries.count + 1)", kind: kind, author: author, at: clock, attributes: attributes, text: "")
        entry.text = text
        ticket.entries.append(entry)
    }

    private func agentEmail() -> String {
        ticket.assignee ?? directory.agents[0].email
    }

    /// Moves the clock on by minutes to days, because most replies come within hours.
    private mutating func advanceClock() {
        let minutes = random.weighted([
            (random.int(3...60), 40), (random.int(60...480), 40), (random.int(480...4320), 20),
        ])
        clock = clock.addingTimeInterval(TimeInterval(minutes * 60))
    }

    /// Sets the times that depend on the whole thread.
    private mutating func finish() {
        if isDone, ticket.resolvedAt == nil {
            advanceClock()
            ticket.resolvedAt = clock
        }
        if ticket.status == "closed", ticket.closedAt == nil, let resolved = ticket.resolvedAt {
            clock = resolved.addingTimeInterval(72 * 3600)
            ticket.closedAt = clock
        }
        ticket.updatedAt = clock
        if ticket.status == "awaiting_customer" || ticket.status == "awaiting_vendor" {
            ticket.slaPausedAt = clock
            ticket.slaPausedMinutes = random.int(0...600)
        }
    }
}
