import Foundation

/// The ticket an inbound message belongs to and what showed it.
struct InboundThreadMatch: Equatable {
    enum Evidence: String {
        /// In-Reply-To or References names a message of the ticket.
        case messageID = "message-id"
        /// The bounce returns a message the helpdesk sent for the ticket.
        case bouncedMessage = "bounced-message"
        /// The subject carries the ticket key and the sender may write to the ticket.
        case subjectKey = "subject-key"
    }

    var ticketID: String
    var evidence: Evidence
}

extension MailIntake {
    /// Finds the ticket a message continues: first by Message-ID (In-Reply-To, then References from the
    /// newest, then a bounce's returned message), then by a ticket key in the subject.
    ///
    /// A subject key alone is trusted only from the requester, a follower, someone in the ticket's
    /// organization or a person on staff. Anyone else quoting a key opens a new ticket, so that knowing
    /// a key is not enough to write into another person's ticket.
    func threadMatch(_ message: InboundMessage, sender: String, settings: HelpdeskSettings) -> InboundThreadMatch? {
        var candidates: [(String, InboundThreadMatch.Evidence)] = []
        if let inReplyTo = message.inReplyTo { candidates.append((inReplyTo, .messageID)) }
        candidates += message.references.reversed().map { ($0, .messageID) }
        if let bounced = message.bouncedMessageID { candidates.append((bounced, .bouncedMessage)) }
        for (id, evidence) in candidates {
            if let ticket = threads.ticket(for: MailMessageIDs.storable(id)), helpdesk.index.ticket(ticket) != nil {
                return InboundThreadMatch(ticketID: ticket, evidence: evidence)
            }
        }
        for key in Self.ticketKeys(in: message.subject, prefix: settings.profile.keyPrefix) {
            guard let indexed = helpdesk.index.ticket(key) else { continue }
            guard Self.mayJoinBySubject(sender, indexed.ticket, settings: settings) else { return nil }
            return InboundThreadMatch(ticketID: key, evidence: .subjectKey)
        }
        return nil
    }

    /// Returns whether `sender` may add to `ticket` by quoting its key in a subject.
    static func mayJoinBySubject(_ sender: String, _ ticket: Ticket, settings: HelpdeskSettings) -> Bool {
        let person = settings.person(sender)
        if sender == ticket.requester.lowercased() || ticket.followers.contains(where: { $0.lowercased() == sender }) {
            return true
        }
        if person?.role.isStaff == true { return true }
        guard let organization = ticket.organizationId else { return false }
        let senderOrganization = person?.organizationId ?? settings.organization(forEmail: sender)?.id
        return senderOrganization == organization
    }

    /// Returns the ticket keys in a subject, in order: `PREFIX-<digits>` not inside a longer word, with or
    /// without brackets, the prefix in any letter case. `[FD-12] Printer` gives `FD-12`, while `XFD-12` and
    /// `FD-12a` give none.
    static func ticketKeys(in subject: String, prefix: String) -> [String] {
        let characters = Array(subject)
        let pattern = Array(prefix.uppercased() + "-")
        var keys: [String] = []
        var index = 0
        while index + pattern.count < characters.count {
            defer { index += 1 }
            guard index == 0 || !isWordCharacter(characters[index - 1]) else { continue }
            guard zip(pattern, characters[index...]).allSatisfy({ String($0) == $1.uppercased() }) else { continue }
            var end = index + pattern.count
            while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
            let digits = String(characters[(index + pattern.count)..<end])
            guard !digits.isEmpty, end == characters.count || !isWordCharacter(characters[end]) else { continue }
            guard let number = Int(digits) else { continue }
            keys.append(prefix.uppercased() + "-" + String(number))
        }
        return keys
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}
