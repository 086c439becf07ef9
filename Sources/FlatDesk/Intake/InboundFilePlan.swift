import Foundation

/// The files an inbound message stores beside its ticket, in `<ID>.files/`, and notes on those left out.
///
/// Every file name starts with the entry id (`E3-invoice.pdf`), so names never clash between entries.
/// The original message is `<entry>-original.eml`.
struct InboundFilePlan {
    /// A file to commit: its name inside the ticket's files folder and its bytes.
    struct File {
        var name: String
        var bytes: [UInt8]
    }

    private(set) var files: [File] = []
    /// Names of the stored attachments, in message order, without the original message.
    private(set) var attachmentNames: [String] = []
    /// Name of the stored original message.
    private(set) var originalName: String
    /// One sentence per attachment left out, for the entry text.
    private(set) var notes: [String] = []

    /// Plans the files of one entry.
    /// - Parameters:
    ///   - entryID: the id of the entry the files belong to, such as `E3`.
    ///   - raw: the original message; only its header is kept when it is larger than `limit`.
    ///   - attachments: the message's attachments; each one larger than `limit` is left out with a note.
    ///   - limit: the largest file stored, in bytes.
    init(entryID: String, raw: [UInt8], attachments: [MailAttachment], limit: Int) {
        var taken = Set<String>()
        originalName = Self.uniqueName(entryID + "-original.eml", taken: &taken)
        files.append(File(name: originalName, bytes: raw.count <= limit ? raw : Self.headerSection(raw)))
        for attachment in attachments {
            guard attachment.data.count <= limit else {
                notes.append(
                    "Attachment \(attachment.filename) (\(Self.sizeText(attachment.data.count))) was not stored: "
                        + "larger than the \(Self.sizeText(limit)) limit.")
                continue
            }
            let name = Self.uniqueName(entryID + "-" + Self.safeName(attachment.filename), taken: &taken)
            files.append(File(name: name, bytes: [UInt8](attachment.data)))
            attachmentNames.append(name)
        }
    }

    /// The entry attributes that name the stored files.
    var attributes: [(key: String, value: String)] {
        var result: [(key: String, value: String)] = [("original", originalName)]
        if !attachmentNames.isEmpty { result.append(("attachments", attachmentNames.joined(separator: ","))) }
        return result
    }

    /// The folder of a ticket's files: `tickets/000/FD-12.md` keeps them in `tickets/000/FD-12.files/`.
    static func folder(ofTicketAt path: String) -> String {
        (path as NSString).deletingPathExtension + ".files"
    }

    /// A name safe in the attribute list, in URLs and on every file system that checks out the repository.
    ///
    /// The mail parser already removed folders, control characters and leading dots. Commas would split the
    /// `attachments` list, and a name ending in `.md` would be read as a ticket file, so it gets `.txt`.
    static func safeName(_ name: String) -> String {
        let replaced = String(name.map { ",\"*:<>?|\\/".contains($0) ? "_" : $0 })
        var safe = replaced.trimmingCharacters(in: .whitespaces)
        if safe.isEmpty || safe.allSatisfy({ $0 == "." }) { safe = "attachment.bin" }
        if safe.lowercased().hasSuffix(".md") { safe += ".txt" }
        return safe
    }

    /// `name`, or `name-2.ext`, `name-3.ext` … when it is already taken.
    private static func uniqueName(_ name: String, taken: inout Set<String>) -> String {
        var candidate = name
        var counter = 2
        while taken.contains(candidate.lowercased()) {
            let base = (name as NSString).deletingPathExtension
            let pathExtension = (name as NSString).pathExtension
            candidate = base + "-\(counter)" + (pathExtension.isEmpty ? "" : "." + pathExtension)
            counter += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// The header block of a message and the blank line after it.
    private static func headerSection(_ raw: [UInt8]) -> [UInt8] {
        for index in raw.indices.dropLast() where raw[index] == 0x0A {
            let next = raw[index + 1]
            if next == 0x0A { return Array(raw[...(index + 1)]) }
            if next == 0x0D, index + 2 < raw.count, raw[index + 2] == 0x0A { return Array(raw[...(index + 2)]) }
        }
        return Array(raw.prefix(64 * 1024))
    }

    /// A size for people: `14 MB`, `300 KB` or `12 bytes`, with 1 MB = 1,048,576 bytes.
    static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 { return "\(Int((Double(bytes) / 1_048_576).rounded())) MB" }
        if bytes >= 1024 { return "\(Int((Double(bytes) / 1024).rounded())) KB" }
        return "\(bytes) bytes"
    }
}
