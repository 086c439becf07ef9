import Foundation

extension MailIntake {
    /// Lines of an automatic message quoted in its event entry.
    static let excerptLineCount = 15

    /// Writes the text of the internal event that records an auto-reply, bounce, read receipt or complaint.
    func automaticEventText(_ context: IntakeContext) -> String {
        let message = context.message
        let sender = context.sender.email
        let subject = message.subject.isEmpty ? "(no subject)" : message.subject
        let headline: String
        switch message.autoReply {
        case .bounce:
            headline =
                "Delivery failed for \(failedRecipients(message)). The mail server \(sender) returned \"\(subject)\"."
        case .readReceipt:
            headline = "Read receipt from \(sender): \"\(subject)\"."
        case .feedbackReport:
            headline = "Spam complaint (feedback report) from \(sender): \"\(subject)\"."
        case .autoReply, .none:
            headline = "Automatic reply from \(sender): \"\(subject)\"."
        }
        let excerpt = Self.excerpt(message.autoReply == .bounce ? message.textBody : message.newText)
        return excerpt.isEmpty ? headline : headline + "\n\n" + excerpt
    }

    /// Returns the addresses a bounce reports: its `X-Failed-Recipients` header, else the recipient the
    /// outbox recorded for the returned message.
    private func failedRecipients(_ message: InboundMessage) -> String {
        let listed = message.headerValues("X-Failed-Recipients").flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if !listed.isEmpty { return listed.joined(separator: ", ") }
        if let bounced = message.bouncedMessageID,
            let recipient = threads.sent.record(MailMessageIDs.storable(bounced))?.recipient
        {
            return recipient
        }
        return "a message sent from this ticket"
    }

    /// Returns the first non-empty lines of `text` as a Markdown quote, each shortened to 200 characters.
    static func excerpt(_ text: String) -> String {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.prefix(excerptLineCount).map { "> " + String($0.prefix(200)) }.joined(separator: "\n")
    }
}
