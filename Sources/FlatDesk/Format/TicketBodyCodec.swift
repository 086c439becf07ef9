import Foundation

/// Reads and writes the thread that follows a ticket's front-matter.
///
/// Each entry is a marker comment, a heading derived from it, a blank line and the text.
/// A text line that starts with the marker prefix (after any spaces) gets one more leading
/// space when written, and loses one when read, so text can never be taken for a marker.
enum TicketBodyCodec {
    static let markerPrefix = "<!-- flatdesk:entry "
    private static let markerSuffix = " -->"

    /// Appends the entries of a thread to a file's text.
    static func encode(_ entries: [TicketEntry], into text: inout String) {
        for (index, entry) in entries.enumerated() {
            if index > 0 { text += "\n\n" }
            text += marker(for: entry) + "\n" + heading(for: entry) + "\n\n"
            text += escapedText(entry.text)
        }
        text += "\n"
    }

    /// Returns the entries of a body; text before the first marker becomes the request.
    static func decode(_ body: ArraySlice<UInt8>, firstLine: Int, ticket: Ticket) -> [TicketEntry] {
        let text = String(decoding: body, as: UTF8.self)
        var entries: [TicketEntry] = []
        var current: (header: TicketEntry, lines: [Substring])?
        var leading: [Substring] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            if let header = parseMarker(line, fallbackID: "E\(entries.count + (current == nil ? 1 : 2))") {
                if let finished = current { entries.append(finish(finished)) }
                current = (header, [])
            } else if current != nil {
                current?.lines.append(line)
            } else {
                leading.append(line)
            }
        }
        if let finished = current { entries.append(finish(finished)) }
        let request = leading.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if !request.isEmpty {
            let entry = TicketEntry(id: "E1", kind: .request, author: ticket.requester, at: ticket.createdAt, text: request)
            entries.insert(entry, at: 0)
        }
        return entries
    }

    private static func finish(_ pending: (header: TicketEntry, lines: [Substring])) -> TicketEntry {
        var lines = pending.lines[...]
        if let first = lines.first, first.hasPrefix("### ") { lines = lines.dropFirst() }
        var entry = pending.header
        entry.text = normalized(lines.map(unescapedLine))
        return entry
    }

    /// The lines joined as `TicketEntry.normalizedText` would store them. Lines without a carriage
    /// return only need their blank first and last lines trimmed, which skips Foundation's
    /// `replacingOccurrences` and a second split of every entry.
    private static func normalized(_ lines: [Substring]) -> String {
        guard !lines.contains(where: { $0.utf8.contains(0x0D) }) else {
            return TicketEntry.normalizedText(lines.joined(separator: "\n"))
        }
        var kept = lines[...]
        while let first = kept.first, first.allSatisfy(\.isWhitespace) { kept.removeFirst() }
        while let last = kept.last, last.allSatisfy(\.isWhitespace) { kept.removeLast() }
        return kept.joined(separator: "\n")
    }

    static func marker(for entry: TicketEntry) -> String {
        var parts = [
            "id=" + attributeText(entry.id), "kind=" + entry.kind.rawValue, "author=" + attributeText(entry.author),
            "at=" + Timestamp.format(entry.at),
        ]
        parts += entry.attributes.map { $0.key + "=" + attributeText($0.value) }
        return markerPrefix + parts.joined(separator: " ") + markerSuffix
    }

    static func heading(for entry: TicketEntry) -> String {
        let time = Timestamp.format(entry.at)
        let readable = time.prefix(10) + " " + time.dropFirst(11).prefix(5) + " UTC"
        return "### \(entry.kind.heading) · \(entry.author) · \(readable)"
    }

    private static func escapedText(_ text: String) -> String {
        guard containsMarkerPrefix(text) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            isMarkerLike(line) ? " " + line : String(line)
        }.joined(separator: "\n")
    }

    private static let markerPrefixBytes = Array(markerPrefix.utf8)

    /// Whether `text` contains the marker prefix anywhere, searched byte by byte because Foundation's
    /// `contains` converts to UTF-16 first and was the largest cost of encoding a ticket.
    private static func containsMarkerPrefix(_ text: String) -> Bool {
        let needle = markerPrefixBytes
        let utf8 = text.utf8
        guard utf8.count >= needle.count else { return false }
        return utf8.withContiguousStorageIfAvailable { buffer in
            let last = buffer.count - needle.count
            var index = 0
            while index <= last {
                if buffer[index] == needle[0], buffer[index + 1] == needle[1] {
                    var offset = 2
                    while offset < needle.count, buffer[index + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                index += 1
            }
            return false
        } ?? text.contains(markerPrefix)
    }

    private static func unescapedLine(_ line: Substring) -> Substring {
        guard line.hasPrefix(" "), isMarkerLike(line) else { return line }
        return line.dropFirst()
    }

    private static func isMarkerLike(_ line: Substring) -> Bool {
        line.drop { $0 == " " }.hasPrefix(markerPrefix)
    }

    private static func containsDoubleHyphen(_ value: String) -> Bool {
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if byte == 0x2D, previous == 0x2D { return true }
            previous = byte
        }
        return false
    }

    /// A value as written in a marker: bare when it has no spaces or quotes, else a JSON string.
    private static func attributeText(_ value: String) -> String {
        let plain =
            !value.isEmpty && !value.contains { $0 == " " || $0 == "\"" || $0 == "\t" } && !containsDoubleHyphen(value)
        guard !plain else { return value }
        var quoted = ""
        JSONWriter.writeString(value, into: &quoted)
        return quoted.replacingOccurrences(of: "--", with: "-\\u002d")
    }
}
