/// What a person or a channel supplies to open a ticket; the helpdesk fills in the rest.
public struct NewTicket: Sendable {
    public var subject: String
    public var text: String
    public var requester: String
    public var ticketType: TicketType = .incident
    public var priority: Priority = .medium
    public var status: String = BuiltInStatus.open.rawValue
    public var channel: Channel = .console
    public var category: String?
    public var team: String?
    public var assignee: String?
    public var organizationId: String?
    public var followers: [String] = []
    public var tags: [String] = []
    public var customFields: [String: String] = [:]
    /// Marker attributes of the request entry, such as `message-id`.
    public var entryAttributes: [(key: String, value: String)] = []

    public init(subject: String, text: String, requester: String) {
        self.subject = subject
        self.text = text
        self.requester = requester
    }
}
