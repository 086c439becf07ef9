import Foundation

/// Builds RFC 5322 messages with MIME text parts for the SMTP outbox.
///
/// Lines end in CRLF and are at most 998 bytes, as RFC 5322 requires; header fields are folded near 78
/// characters. Non-ASCII subjects and display names are written as RFC 2047 encoded words
/// (`=?UTF-8?Q?…?=`), and bodies as UTF-8 in quoted-printable or base64.
public struct MailComposer: Sendable {
    /// Domain of generated Message-IDs, normally the helpdesk's mail domain.
    public let messageIDDomain: String

    /// Creates a composer whose Message-IDs end in `@messageIDDomain`.
    public init(messageIDDomain: String) {
        self.messageIDDomain = messageIDDomain
    }

    /// Composes a message with a new random Message-ID `<token@messageIDDomain>`.
    /// - Throws: `MailComposerError` for an invalid address, Message-ID or domain, or no recipients.
    public func compose(_ mail: OutgoingMail) throws(MailComposerError) -> ComposedMail {
        try validate(mail)
        let messageID = SecureRandom.token(byteCount: 18) + "@" + messageIDDomain
        var writer = MailHeaderWriter()
        writeAddressFields(mail, to: &writer)
        writer.writeUnstructured("Subject", mail.subject)
        writer.writeRaw("Date", Self.rfc5322Date(mail.date))
        writer.writeRaw("Message-ID", "<\(messageID)>")
        try writeThreadFields(mail, to: &writer)
        if let autoSubmitted = mail.autoSubmitted { writer.writeRaw("Auto-Submitted", autoSubmitted.rawValue) }
        writer.writeRaw("MIME-Version", "1.0")
        let bytes =
            writer.bytes + MailBody.encode(text: mail.textBody, html: mail.htmlBody, encoding: mail.bodyEncoding)
        var recipients: [String] = []
        for address in (mail.to + mail.cc).map(\.address) where !recipients.contains(address) {
            recipients.append(address)
        }
        return ComposedMail(messageID: messageID, bytes: bytes, envelopeRecipients: recipients)
    }

    private func validate(_ mail: OutgoingMail) throws(MailComposerError) {
        guard EmailAddressSyntax.isValid("postmaster@" + messageIDDomain) else {
            throw .invalidDomain(messageIDDomain)
        }
        guard !(mail.to + mail.cc).isEmpty else { throw .missingRecipients }
        let fields = [("From", [mail.from]), ("To", mail.to), ("Cc", mail.cc), ("Reply-To", mail.replyTo)]
        for (field, mailboxes) in fields {
            for mailbox in mailboxes where !EmailAddressSyntax.isValid(mailbox.address) {
                throw .invalidAddress(field: field, address: mailbox.address)
            }
        }
    }

    private func writeAddressFields(_ mail: OutgoingMail, to writer: inout MailHeaderWriter) {
        writer.writeAddressList("From", [mail.from])
        if !mail.to.isEmpty { writer.writeAddressList("To", mail.to) }
        if !mail.cc.isEmpty { writer.writeAddressList("Cc", mail.cc) }
        if !mail.replyTo.isEmpty { writer.writeAddressList("Reply-To", mail.replyTo) }
    }

    private func writeThreadFields(_ mail: OutgoingMail, to writer: inout MailHeaderWriter) throws(MailComposerError) {
        if let inReplyTo = mail.inReplyTo {
            writer.writeWords("In-Reply-To", [try Self.bracketedMessageID(inReplyTo, field: "In-Reply-To")])
        }
        if !mail.references.isEmpty {
            var ids: [String] = []
            for reference in mail.references { ids.append(try Self.bracketedMessageID(reference, field: "References")) }
            writer.writeWords("References", ids)
        }
    }

    /// Returns `<id>` for an id given with or without brackets. Spaces, control characters and inner brackets
    /// are rejected, and so are ids longer than 900 bytes because they could not fit on one header line.
    static func bracketedMessageID(_ value: String, field: String) throws(MailComposerError) -> String {
        var id = value.trimmingCharacters(in: .whitespaces)
        if id.hasPrefix("<") && id.hasSuffix(">") && id.count >= 2 { id = String(id.dropFirst().dropLast()) }
        let printable = id.utf8.allSatisfy { $0 > 32 && $0 < 127 && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
        guard !id.isEmpty, id.utf8.count <= 900, printable else { throw .invalidMessageID(field: field, value: value) }
        return "<\(id)>"
    }

    /// Formats a date as RFC 5322 `date-time` in UTC, such as `Mon, 30 Nov 2026 08:12:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&time, &parts)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = String(format: "%02d", parts.tm_mday)
        let clock = String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
        let year = Int(parts.tm_year) + 1900
        return "\(weekdays[Int(parts.tm_wday)]), \(day) \(months[Int(parts.tm_mon)]) \(year) \(clock) +0000"
    }
}
