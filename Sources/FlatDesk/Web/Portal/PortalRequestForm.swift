import Foundation

/// The values and errors of the portal's new request form.
struct PortalRequestForm {
    /// The maximum subject length, in characters.
    static let maxSubjectLength = 200
    /// The maximum description length, in characters.
    static let maxDescriptionLength = 20_000

    var subject = ""
    var description = ""
    var category = ""
    var ticketType = TicketType.incident
    /// Messages by form field name.
    var errors: [String: String] = [:]

    init() {}

    /// Reads and checks posted fields; `categories` are the allowed categories (any when empty).
    init(fields: [String: String], categories: [String]) {
        subject = (fields["subject"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        description = fields["description"] ?? ""
        category = (fields["category"] ?? "").trimmingCharacters(in: .whitespaces)
        checkSubject()
        checkDescription()
        if !category.isEmpty, !categories.isEmpty, !categories.contains(category) {
            errors["category"] = "Choose a category from the list."
        }
        let type = fields["type"] ?? TicketType.incident.rawValue
        if let parsed = Self.offeredTypes.first(where: { $0.type.rawValue == type }) {
            ticketType = parsed.type
        } else {
            errors["type"] = "Choose what kind of request this is."
        }
    }

    /// The error messages in the order the fields appear on the form.
    var orderedErrors: [String] {
        ["subject", "type", "category", "description"].compactMap { errors[$0] }
    }

    /// The ticket types a requester chooses from, with their wording on the form.
    static let offeredTypes: [(type: TicketType, text: String)] = [
        (.incident, "Something is broken or not working"),
        (.serviceRequest, "I need something (access, equipment, information)"),
    ]

    private mutating func checkSubject() {
        if subject.isEmpty {
            errors["subject"] = "Enter a subject: a short summary of the problem."
        } else if subject.count > Self.maxSubjectLength {
            errors["subject"] = "Shorten the subject to \(Self.maxSubjectLength) characters or fewer."
        }
    }

    private mutating func checkDescription() {
        if description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors["description"] = "Describe the problem: what happened, and what you expected."
        } else if description.count > Self.maxDescriptionLength {
            errors["description"] = "Shorten the description to \(Self.maxDescriptionLength) characters or fewer."
        }
    }

    /// Builds the ticket for `requester`, opened through the portal.
    func newTicket(requester: String) -> NewTicket {
        var draft = NewTicket(subject: subject, text: description, requester: requester)
        draft.channel = .portal
        draft.ticketType = ticketType
        draft.category = category.isEmpty ? nil : category
        return draft
    }
}
