import Foundation
import Synchronization

/// Maps Message-IDs to the tickets they belong to, for threading replies and for spotting duplicates.
///
/// The ids of received messages are the `message-id` attributes of ticket entries. The index does not keep
/// threads, so they are read from every ticket file at start-up. Later, a ticket created or extended in this
/// process is noted from its event, and a ticket changed any other way (a `git push`, another process) is
/// marked stale and read again by the next `catchUp()`. The ids of sent messages come from the outbox's
/// Message-ID log.
final class MailThreadIndex: Sendable {
    struct State {
        var received: [String: String] = [:]
        /// Tickets changed since they were last read.
        var stale = Set<String>()
    }

    let helpdesk: Helpdesk
    let sent: MailMessageIDLog
    let state = Mutex(State())

    /// Reads the Message-IDs of every ticket, from the cache file and the tickets changed since it was
    /// written when there is one, and follows later changes of `helpdesk`.
    /// - Parameters:
    ///   - cachePath: where the map is saved between starts; nil reads every ticket.
    /// - Throws: what reading the repository throws.
    init(helpdesk: Helpdesk, sentLog: MailMessageIDLog, cachePath: String?) throws {
        self.helpdesk = helpdesk
        sent = sentLog
        try load(cache: cachePath.map(MailThreadIndexCache.init))
        helpdesk.observe { [weak self] event in self?.apply(event) }
    }

    /// Number of received Message-IDs known.
    var receivedCount: Int { state.withLock { $0.received.count } }

    /// Reads the tickets changed outside this process since the last call, and the sent log's new lines.
    func catchUp() {
        sent.refresh()
        let stale = state.withLock { current in
            defer { current.stale = [] }
            return current.stale
        }
        do {
            try rescan(Array(stale))
        } catch {
            state.withLock { $0.stale.formUnion(stale) }
            helpdesk.logger.error("reading Message-IDs of changed tickets failed", ["error": "\(error)"])
        }
    }

    /// Returns the ticket a received message with this id was added to.
    func ticket(receivedAs messageID: String) -> String? {
        state.withLock { $0.received[messageID] }
    }

    /// Returns the ticket a received or sent message with this id belongs to, as of the last `catchUp()`.
    func ticket(for messageID: String) -> String? {
        ticket(receivedAs: messageID) ?? sent.record(messageID)?.ticketID
    }

    /// Records the Message-IDs in the entries of `ticket`, which is then up to date.
    func note(_ ticket: Ticket) {
        let ids = ticket.entries.compactMap { $0.attribute("message-id") }
        state.withLock { current in
            for id in ids { current.received[id] = ticket.id }
            current.stale.remove(ticket.id)
        }
    }

    private func apply(_ event: HelpdeskEvent) {
        switch event {
        case .ticketCreated(let ticket, _), .entryAdded(let ticket, _, _):
            note(ticket)
        case .indexChanged(let changes):
            let ids = changes.rebuilt ? Set(helpdesk.index.allTickets().map(\.id)) : changes.tickets
            state.withLock { $0.stale.formUnion(ids) }
        default:
            break
        }
    }

    /// Reads the Message-IDs of the entries of `tickets` from their files at the branch head.
    func rescan(_ tickets: [String]) throws {
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
        state.withLock { current in
            for (messageID, ticketID) in found { current.received[messageID] = ticketID }
        }
    }

    /// Returns the `message-id` attributes of the entry markers in a ticket file, without decoding the file.
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
