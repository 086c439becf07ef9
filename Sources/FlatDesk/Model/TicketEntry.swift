import Foundation

/// One entry of a ticket's thread: the request, a public reply, an internal note or a system event.
public struct TicketEntry: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case request
        case reply
        case note
        case event

        /// Whether customers may see entries of this kind.
        public var isPublic: Bool { self == .request || self == .reply }

        /// The word used in the entry's visible heading.
        var heading: String {
            switch self {
            case .request: "Request"
            case .reply: "Reply"
            case .note: "Internal note"
            case .event: "Event"
            }
        }
    }

    public var id: String
    public var kind: Kind
    public var author: String
    public var at: Date
    /// Further marker attributes in written order, such as `via`, `message-id` and `attachments`.
    public var attributes: [(key: String, value: String)]
    public var text: String

    public init(
        id: String, kind: Kind, author: String, at: Date, attributes: [(key: String, value: String)] = [],
        text: String
    ) {
        self.id = id
        self.kind = kind
        self.author = author
        self.at = at
        self.attributes = attributes
        self.text = TicketEntry.normalizedText(text)
    }

    public static func == (lhs: TicketEntry, rhs: TicketEntry) -> Bool {
        lhs.id == rhs.id && lhs.kind == rhs.kind && lhs.author == rhs.author && lhs.at == rhs.at
            && lhs.text == rhs.text && lhs.attributes.map(\.key) == rhs.attributes.map(\.key)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }

    /// Returns the value of the marker attribute `key`, if present.
    public func attribute(_ key: String) -> String? {
        attributes.first { $0.key == key }?.value
    }

    /// Text as stored: line endings as `\n`, no leading or trailing blank lines, no trailing spaces at the end.
    static func normalizedText(_ text: String) -> String {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
