import Foundation

/// The answers to one service catalog form, checked against the item's fields.
///
/// Each field is posted as `field-<id>`, and answers are trimmed. Required fields must be answered, a select
/// answer must be one of the options, and a date must be a real `YYYY-MM-DD` calendar date.
struct PortalCatalogSubmission {
    /// The maximum length of a text field answer, in characters.
    static let maxTextLength = 500
    /// The maximum length of a textarea answer, in characters.
    static let maxTextAreaLength = 10_000
    /// The maximum length of the summary appended to the subject, in characters.
    static let maxSummaryLength = 80

    let item: ServiceCatalog.Item
    /// Answers by field id; unanswered fields are absent.
    private(set) var answers: [String: String] = [:]
    /// Messages by field id.
    private(set) var errors: [String: String] = [:]

    /// Creates an empty form for `item`.
    init(item: ServiceCatalog.Item) {
        self.item = item
    }

    /// Reads and checks the posted `fields` for `item`.
    init(item: ServiceCatalog.Item, fields: [String: String]) {
        self.item = item
        for field in item.fields {
            let value = Self.cleaned(fields[Self.formName(field)] ?? "", kind: field.kind)
            if !value.isEmpty { answers[field.id] = value }
            if let error = Self.check(value, field: field) { errors[field.id] = error }
        }
    }

    /// Returns the form field name of a catalog field.
    static func formName(_ field: ServiceCatalog.Field) -> String {
        "field-" + field.id
    }

    /// The error messages in the order of the item's fields.
    var orderedErrors: [String] {
        item.fields.compactMap { errors[$0.id] }
    }

    private static func cleaned(_ value: String, kind: ServiceCatalog.Field.Kind) -> String {
        guard kind != .textarea else { return TicketEntry.normalizedText(value) }
        let oneLine = value.components(separatedBy: .newlines).joined(separator: " ")
        return oneLine.trimmingCharacters(in: .whitespaces)
    }

    private static func check(_ value: String, field: ServiceCatalog.Field) -> String? {
        guard !value.isEmpty else { return field.required ? "\(field.label): this field is required." : nil }
        switch field.kind {
        case .text where value.count > maxTextLength:
            return "\(field.label): shorten the answer to \(maxTextLength) characters or fewer."
        case .textarea where value.count > maxTextAreaLength:
            return "\(field.label): shorten the answer to \(maxTextAreaLength) characters or fewer."
        case .select where !field.options.contains(value):
            return "\(field.label): choose one of the listed options."
        case .date where !isCalendarDate(value):
            return "\(field.label): enter a date as YYYY-MM-DD, such as 2027-01-15."
        default:
            return nil
        }
    }

    /// Checks that `text` is a valid `YYYY-MM-DD` date, as sent by `<input type="date">`.
    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return false }
        let roundTrip = Timestamp.civilDate(fromDays: Timestamp.daysFromCivil(year: year, month: month, day: day))
        return roundTrip.year == year && roundTrip.month == month && roundTrip.day == day
    }

    /// The ticket subject: the item name, then the answer of its key field when there is one.
    var subject: String {
        guard let key = item.keyField, let answer = answers[key.id] else { return item.name }
        let summary =
            answer.count > Self.maxSummaryLength ? String(answer.prefix(Self.maxSummaryLength - 1)) + "…" : answer
        return "\(item.name): \(summary)"
    }

    /// The request text in Markdown: one line per short answer, paragraphs for textarea answers.
    var requestText: String {
        var lines = ["Service catalog request: **\(item.name)**", ""]
        for field in item.fields {
            guard let answer = answers[field.id] else { continue }
            if field.kind == .textarea {
                lines += ["**\(field.label)**", "", answer, ""]
            } else {
                lines += ["**\(field.label)**: \(answer)", ""]
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Builds the service request for `requester`, with the item's category, team and priority and the
    /// answers in `customFields`.
    func newTicket(requester: String) -> NewTicket {
        var draft = NewTicket(subject: subject, text: requestText, requester: requester)
        draft.ticketType = .serviceRequest
        draft.channel = .portal
        draft.category = item.category
        draft.team = item.team
        draft.priority = item.priority
        draft.customFields = answers
        draft.entryAttributes = [("catalog-item", item.id)]
        return draft
    }
}
