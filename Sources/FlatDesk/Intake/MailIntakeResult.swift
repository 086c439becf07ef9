/// The outcome of one message in the inbound pipeline.
public struct MailIntakeResult: Sendable, Equatable {
    /// The decision taken for the message.
    public enum Outcome: String, Sendable, Equatable {
        /// A new ticket was opened.
        case created
        /// A reply was added to an existing ticket.
        case threaded
        /// An auto-reply or bounce was recorded on its ticket as an internal event.
        case recorded
        /// The Message-ID was seen before, so nothing was added.
        case duplicate
        /// An auto-reply or bounce that belongs to no ticket; kept in the dead-letter folder.
        case dropped
        /// The message could not be processed; kept in the dead-letter folder.
        case deadLettered = "dead-lettered"
    }

    public var outcome: Outcome
    /// The ticket the message went to, if any.
    public var ticketID: String?
    /// The entry the message became, if any.
    public var entryID: String?
    /// The Message-ID, or the id derived from the bytes of a message without one.
    public var messageID: String
    /// Reason the message was dropped or dead-lettered.
    public var reason: String?

    /// Creates a result.
    public init(
        outcome: Outcome, ticketID: String? = nil, entryID: String? = nil, messageID: String, reason: String? = nil
    ) {
        self.outcome = outcome
        self.ticketID = ticketID
        self.entryID = entryID
        self.messageID = messageID
        self.reason = reason
    }

    /// One line for people and logs, such as `FD-12 threaded E4` or `dead-lettered: the message has no From address`.
    public var summary: String {
        let target = [ticketID, outcome.rawValue, entryID].compactMap { $0 }.joined(separator: " ")
        guard let reason else { return target }
        return target + ": " + reason
    }
}
