import Foundation

/// The received Message-IDs of every ticket as of one commit, saved under `<git dir>/flatdesk/` so that the
/// next start (a server restart, each `flatdesk mail ingest`) reads only the tickets changed since.
///
/// Format: a first line `flatdesk-message-ids 1 <commit>`, then one `<message-id> <ticket-id>` per line.
/// A missing, unreadable or foreign file is ignored and every ticket is read again.
struct MailThreadIndexCache {
    static let header = "flatdesk-message-ids 1"

    let path: String

    /// Reads the commit and map stored in the file; returns nil when there is no usable file.
    func load() -> (commit: GitOID, received: [String: String])? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard let first = lines.first, first.hasPrefix(Self.header + " "),
            let commit = GitOID(hex: String(first.dropFirst(Self.header.count + 1)))
        else { return nil }
        var received: [String: String] = [:]
        received.reserveCapacity(lines.count)
        for line in lines.dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count == 2 else { return nil }
            received[String(fields[0])] = String(fields[1])
        }
        return (commit, received)
    }

    /// Writes the map for `commit`, replacing the file atomically.
    func save(commit: GitOID, received: [String: String]) throws(MailIntakeError) {
        var text = Self.header + " " + commit.hex + "\n"
        for (messageID, ticketID) in received.sorted(by: { $0.key < $1.key }) {
            text += MailMessageIDs.storable(messageID) + " " + ticketID + "\n"
        }
        try MailLocalFiles.createFolder((path as NSString).deletingLastPathComponent)
        try MailLocalFiles.writeAtomically(Array(text.utf8), to: path)
    }
}
