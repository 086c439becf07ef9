import Foundation

/// JSON renderings of tickets for the API and the command line.
public enum TicketJSON {
    /// The ticket's fields, its version and (optionally) its thread as one JSON object.
    /// - Parameter publicOnly: leave out internal notes and events, for customers.
    public static func value(_ ticket: Ticket, version: String?, includeThread: Bool = true, publicOnly: Bool = false)
        -> JSONValue
    {
        var pairs: [(key: String, value: JSONValue)] = []
        for key in TicketCodec.knownKeys where key != "formatVersion" {
            pairs.append((key, TicketCodec.headerValue(ticket, key)))
        }
        if let version { pairs.append(("version", .string(version))) }
        if includeThread {
            let entries = ticket.entries.filter { !publicOnly || $0.kind.isPublic }
            pairs.append(("entries", .array(entries.map(entryValue))))
        }
        return .object(pairs)
    }

    /// Returns one thread entry as a JSON object.
    public static func entryValue(_ entry: TicketEntry) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("id", .string(entry.id)), ("kind", .string(entry.kind.rawValue)), ("author", .string(entry.author)),
            ("at", .string(Timestamp.format(entry.at))), ("text", .string(entry.text)),
        ]
        if !entry.attributes.isEmpty {
            pairs.append(("attributes", .object(entry.attributes.map { ($0.key, .string($0.value)) })))
        }
        return .object(pairs)
    }

    /// Returns the compact JSON text of a ticket.
    public static func render(_ ticket: Ticket, version: String?, includeThread: Bool = true, publicOnly: Bool = false)
        -> String
    {
        encode(value(ticket, version: version, includeThread: includeThread, publicOnly: publicOnly))
    }

    /// Returns the compact JSON text of any value, keys in the given order.
    public static func encode(_ value: JSONValue) -> String {
        var output = ""
        JSONWriter.write(value, into: &output, sortKeys: false)
        return output
    }
}
