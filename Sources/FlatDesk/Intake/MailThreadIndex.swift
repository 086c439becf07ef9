import Foundation
import Synchronization

/// Maps Message-IDs to the tickets they belong to, for threading replies and for spotting duplicates.
///
/// The ids of received messages are the `message-id` attributes of ticket entries. The index does not keep
/// threads, so they are read from every ticket file at start-up and then from each ticket that changes,
/// whoever changed it. The ids of sent messages come from the outbox's Message-ID log.
final class MailThreadIndex: Sendable {
    private let received = Mutex<[String: String]>([:])
    let sent: MailMessageIDLog

    /// Reads every ticket at the branch head and follows later changes of `helpdesk`.
    /// - Throws: what reading the repository throws.
    init(helpdesk: Helpdesk, sentLog: MailMessageIDLog) throws {
        sent = sentLog
        try rescan(helpdesk, tickets: helpdesk.index.allTickets().map(\.id))
        helpdesk.observe { [weak self, weak helpdesk] event in
            guard let self, let helpdesk else { return }
            self.apply(event, helpdesk: helpdesk)
        }
    }

    /// Number of received Message-IDs known.
    var receivedCount: Int { received.withLock { $0.count } }

    /// The ticket a received message with this id was added to.
    func ticket(receivedAs messageID: String) -> String? {
        received.withLock { $0[messageID] }
    }

    /// The ticket a received or sent message with this id belongs to, as of the sent log's last refresh.
    func ticket(for messageID: String) -> String? {
        ticket(receivedAs: messageID) ?? sent.record(messageID)?.ticketID
    }

    /// Records the Message-IDs in the entries of `ticket`.
    func note(_ ticket: Ticket) {
        let ids = ticket.entries.compactMap { $0.attribute("message-id") }
        guard !ids.isEmpty else { return }
        received.withLock { map in
            for id in ids { map[id] = ticket.id }
        }
    }

    private func apply(_ event: HelpdeskEvent, helpdesk: Helpdesk) {
        switch event {
        case .ticketCreated(let ticket, _), .entryAdded(let ticket, _, _):
            note(ticket)
        case .indexChanged(let changes):
            let ids = changes.rebuilt ? helpdesk.index.allTickets().map(\.id) : Array(changes.tickets)
            do {
                try rescan(helpdesk, tickets: ids)
            } catch {
                helpdesk.logger.error("reading Message-IDs of changed tickets failed", ["error": "\(error)"])
            }
        default:
            break
        }
    }

    /// Reads the Message-IDs of the entries of `tickets` from their files at the branch head.
    private func rescan(_ helpdesk: Helpdesk, tickets: [String]) throws {
        guard !tickets.isEmpty else { return }
        let paths = tickets.compactMap { id in helpdesk.index.ticket(id).map { (id, $0.path) } }
        let found = try helpdesk.store.read { snapshot in
            var found: [(String, String)] = []
            for (id, path) in paths {
                guard let bytes = try snapshot.read(path) else { continue }
                for messageID in Self.messageIDs(inTicketFile: bytes) { found.append((messageID, id)) }
            }
            return found
        }
        received.withLock { map in
            for (messageID, ticketID) in found { map[messageID] = ticketID }
        }
    }

    /// The `message-id` attributes of the entry markers in a ticket file, found without decoding the file.
    static func messageIDs(inTicketFile bytes: [UInt8]) -> [String] {
        let prefix = Array(TicketBodyCodec.markerPrefix.utf8)
        let attribute = Array("message-id=".utf8)
        var ids: [String] = []
        for line in bytes.split(separator: 0x0A) where line.starts(with: prefix) {
            guard line.firstRange(of: attribute) != nil else { continue }
            var text = Substring(String(decoding: line, as: UTF8.self))
            if text.hasSuffix("\r") { text = text.dropLast() }
            if let id = TicketBodyCodec.parseMarker(text, fallbackID: "E0")?.attribute("message-id") { ids.append(id) }
        }
        return ids
    }
}
