import Foundation

extension TicketBodyCodec {
    /// Parses a marker line into an entry header with empty text, or returns nil if `line` is not a marker.
    static func parseMarker(_ line: Substring, fallbackID: String) -> TicketEntry? {
        guard line.hasPrefix(markerPrefix), line.hasSuffix("-->") else { return nil }
        let inner = line.dropFirst(markerPrefix.count).dropLast(3)
        guard let attributes = parseAttributes(inner) else { return nil }
        var fields: [String: String] = [:]
        var extra: [(key: String, value: String)] = []
        for (key, value) in attributes {
            if ["id", "kind", "author", "at"].contains(key) { fields[key] = value } else { extra.append((key, value)) }
        }
        guard let kind = fields["kind"].flatMap(TicketEntry.Kind.init(rawValue:)),
            let at = fields["at"].flatMap(Timestamp.parse)
        else { return nil }
        var entry = blankEntry
        entry.id = fields["id"] ?? fallbackID
        entry.kind = kind
        entry.author = fields["author"] ?? ""
        entry.at = at
        entry.attributes = extra
        return entry
    }

    /// An entry whose fields `parseMarker` sets; copying it skips `TicketEntry.init` normalizing an empty text.
    private static let blankEntry = TicketEntry(
        id: "", kind: .note, author: "", at: Date(timeIntervalSince1970: 0), text: "")

    /// Splits `key=value key="quoted value"` pairs; returns nil on malformed input.
    private static func parseAttributes(_ text: Substring) -> [(String, String)]? {
        var result: [(String, String)] = []
        var rest = text.drop { $0 == " " }
        while !rest.isEmpty {
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let key = String(rest[..<equals])
            rest = rest[rest.index(after: equals)...]
            let value: String
            if rest.first == "\"" {
                guard let (parsed, remainder) = quotedValue(rest) else { return nil }
                value = parsed
                rest = remainder
            } else {
                let end = rest.firstIndex(of: " ") ?? rest.endIndex
                value = String(rest[..<end])
                rest = rest[end...]
            }
            result.append((key, value))
            rest = rest.drop { $0 == " " }
        }
        return result
    }

    private static func quotedValue(_ text: Substring) -> (String, Substring)? {
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            if text[index] == "\\" {
                index = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
                continue
            }
            if text[index] == "\"" {
                let literal = Array(text[...index].utf8)
                var reader = JSONReader(bytes: literal)
                guard let value = try? reader.readDocument().stringValue else { return nil }
                return (value, text[text.index(after: index)...])
            }
            index = text.index(after: index)
        }
        return nil
    }
}
