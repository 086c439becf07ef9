import Foundation

/// One message in the outbox: the composed bytes, where they go and how delivery went so far.
public struct MailOutboxMessage: Codable, Sendable, Equatable {
    /// Delivery state.
    public enum Status: String, Codable, Sendable {
        /// Waiting for its next attempt.
        case pending
        /// Given up: a permanent SMTP failure, or every attempt failed.
        case failed
    }

    /// Reason the message was written.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Confirms a new ticket to its requester.
        case acknowledgement
        /// Carries a public reply by staff.
        case reply
        /// Tells the requester the ticket was resolved.
        case resolved
        /// Tells the requester the ticket was closed.
        case closed
        /// Tells an agent a ticket was assigned to them.
        case assignment

        /// Whether the message is sent without a person writing it, so it carries `Auto-Submitted`.
        public var isAutomatic: Bool { self != .reply }
    }

    /// File name without `.json`: the enqueue time to the millisecond and a random suffix, so names sort by age.
    public var id: String
    public var ticketID: String
    /// The entry the message carries, for replies.
    public var entryID: String?
    public var kind: Kind
    /// Message-ID of the composed message, without angle brackets.
    public var messageID: String
    /// Envelope sender (`MAIL FROM`).
    public var sender: String
    /// Envelope recipients (`RCPT TO`).
    public var recipients: [String]
    public var createdAt: Date
    /// Attempts made so far.
    public var attempts: Int
    public var nextAttemptAt: Date
    /// The last SMTP failure, if any.
    public var lastError: String?
    public var status: Status
    /// The RFC 5322 message, base64-encoded.
    public var message: String

    /// The message bytes.
    public var bytes: [UInt8] { Data(base64Encoded: message).map { [UInt8]($0) } ?? [] }
}
