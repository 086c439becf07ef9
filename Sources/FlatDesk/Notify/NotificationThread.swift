import Foundation

/// The Message-IDs of a ticket's email thread, oldest first: received messages from the `message-id`
/// attributes of its entries, sent ones from the outbox's Message-ID log.
struct NotificationThread {
    /// Most Message-IDs put in `References`: the first one and the newest others.
    static let maximumReferences = 10

    private(set) var ids: [String] = []
    /// The newest received message, which a reply refers to.
    private(set) var lastReceived: String?

    init(ticket: Ticket, sentLog: MailMessageIDLog) {
        sentLog.refresh()
        var dated: [(id: String, at: Date, received: Bool)] = ticket.entries.compactMap { entry in
            entry.attribute("message-id").map { ($0, entry.at, true) }
        }
        dated += sentLog.records(ofTicket: ticket.id).map { ($0.messageID, $0.at, false) }
        let ordered = dated.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(
            \.element)
        var seen = Set<String>()
        for item in ordered where Self.isSendable(item.id) && seen.insert(item.id).inserted {
            ids.append(item.id)
            if item.received { lastReceived = item.id }
        }
    }

    /// The thread's first message, normally the request.
    var first: String? { ids.first }

    /// The message a reply or notice refers to: the newest received one, else the newest sent one.
    var replyTarget: String? { lastReceived ?? ids.last }

    /// The first Message-ID and the newest others, at most `maximumReferences`.
    var references: [String] {
        guard ids.count > Self.maximumReferences, let first = ids.first else { return ids }
        return [first] + ids.suffix(Self.maximumReferences - 1)
    }

    /// Returns whether `MailComposer` accepts the id in In-Reply-To and References: printable ASCII without brackets.
    static func isSendable(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 900 && id.utf8.allSatisfy { $0 > 32 && $0 < 127 && $0 != 60 && $0 != 62 }
    }
}
