import Foundation

/// Decides whether a message was written by a person or sent automatically, and by what.
///
/// Structure decides first (RFC 6522 multipart/report and its report parts), then headers
/// (RFC 3834 `Auto-Submitted`, `X-Failed-Recipients`, `Precedence`, `X-Autoreply`), then the sender
/// and subject lines that mail servers and out-of-office responders write.
struct AutoReplyClassifier {
    let headers: [MailHeader]
    let subject: String
    let from: MailAddress?
    let content: MailBodyContent

    /// Returns the classification; complaints and receipts outrank bounces, which outrank auto-replies.
    func kind() -> AutoReplyKind {
        if isFeedbackReport { return .feedbackReport }
        if isReadReceipt { return .readReceipt }
        if isBounce { return .bounce }
        if isAutoReply { return .autoReply }
        return .none
    }

    /// Returns the Message-ID of the message a bounce returns: from its attached message or
    /// text/rfc822-headers part, else from the first `Message-ID:` line of a plain-text bounce body.
    func bouncedMessageID(textBody: String) -> String? {
        if let enclosed = content.enclosedMessageIDs.first { return enclosed }
        let ownID = value(of: "Message-ID").map(Self.strippedMessageID)
        for line in textBody.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix("message-id:") else { continue }
            let id = Self.strippedMessageID(String(trimmed.dropFirst("message-id:".count)))
            if !id.isEmpty && id != ownID { return id }
        }
        return nil
    }

    private var isFeedbackReport: Bool {
        content.reportTypes.contains("feedback-report") || content.partTypes.contains("message/feedback-report")
    }

    /// Outlook wraps its read receipts in TNEF, so a `Read:` subject over an application/ms-tnef body counts too.
    private var isReadReceipt: Bool {
        if content.reportTypes.contains("disposition-notification")
            || content.partTypes.contains("message/disposition-notification")
        {
            return true
        }
        return content.partTypes.contains("application/ms-tnef") && subjectStarts(with: Self.readReceiptSubjects)
    }

    /// A `postmaster` sender alone is not enough: postmasters also send ordinary notices.
    private var isBounce: Bool {
        if content.reportTypes.contains("delivery-status")
            || !content.partTypes.isDisjoint(with: ["message/delivery-status", "message/global-delivery-status"])
            || value(of: "X-Failed-Recipients") != nil
        {
            return true
        }
        return isFromMailerDaemon || subjectStarts(with: Self.bounceSubjects)
    }

    /// `X-Auto-Response-Suppress`, a null return path and a no-reply sender each appear on human mail
    /// too (Outlook sets the first on ordinary messages), so they count only when two come together.
    private var isAutoReply: Bool {
        if let autoSubmitted = value(of: "Auto-Submitted"), Self.firstToken(of: autoSubmitted) != "no" {
            return true
        }
        if !Self.autoReplyHeaders.allSatisfy({ value(of: $0) == nil }) { return true }
        // NOTE: mailing lists add `Precedence: bulk` or `list` to posts written by people, so list mail
        // classifies as an auto-reply.
        if let precedence = value(of: "Precedence"), Self.bulkPrecedences.contains(Self.firstToken(of: precedence)) {
            return true
        }
        if subjectStarts(with: Self.autoReplySubjects) { return true }
        return [suppressesAutoReplies, hasNullReturnPath, isFromNoReplyAddress].filter { $0 }.count >= 2
    }

    private var suppressesAutoReplies: Bool {
        guard let suppress = value(of: "X-Auto-Response-Suppress") else { return false }
        let tokens = suppress.lowercased().split { $0 == "," || $0 == " " }
        return tokens.contains { ["all", "oof", "autoreply"].contains($0) }
    }

    private var hasNullReturnPath: Bool {
        value(of: "Return-Path")?.trimmingCharacters(in: .whitespaces) == "<>"
    }

    private var isFromNoReplyAddress: Bool {
        Self.noReplyLocalParts.contains(senderLocalPart)
    }

    private var isFromMailerDaemon: Bool {
        let name = from?.name?.lowercased() ?? ""
        return Self.mailerDaemonLocalParts.contains(senderLocalPart) || name.contains("mailer-daemon")
            || name.contains("mailer daemon")
    }

    private var senderLocalPart: String {
        String((from?.email ?? "").split(separator: "@", omittingEmptySubsequences: false).first ?? "")
    }

    private func subjectStarts(with prefixes: [String]) -> Bool {
        let lowered = subject.prefix(80).lowercased()
        return prefixes.contains { lowered.hasPrefix($0) }
    }

    /// Returns the value of the first header field named `name`.
    private func value(of name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Returns the first word of a header value in lower case, so `auto-generated (failure)` gives `auto-generated`.
    private static func firstToken(of value: String) -> String {
        let word = value.split { $0 == " " || $0 == ";" || $0 == "(" || $0 == "\t" }.first ?? ""
        return word.lowercased()
    }

    private static func strippedMessageID(_ value: String) -> String {
        value.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t"))
    }
}
