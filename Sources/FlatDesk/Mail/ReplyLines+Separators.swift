import Foundation

extension ReplyLines {
    /// Titles (lower case) of the separator line Outlook, Yahoo, Zimbra and others write above a reply.
    static let originalMessageTitles: Set<String> = [
        "original message", "original email", "reply message", "ursprüngliche nachricht", "originalnachricht",
        "message d'origine", "message original", "mensaje original", "oorspronkelijk bericht",
        "origineel bericht", "messaggio originale", "mensagem original", "oprindelig besked", "opprinnelig melding",
        "ursprungligt meddelande", "alkuperäinen viesti", "исходное сообщение", "původní zpráva",
        "wiadomość oryginalna", "oryginalna wiadomość", "eredeti üzenet", "原始邮件", "元のメッセージ",
    ]

    /// Header block labels (lower case) that name the sender, in the languages of Outlook and webmail.
    static let senderLabels: Set<String> = [
        "from", "von", "de", "van", "da", "fra", "från", "od", "от", "lähettäjä", "feladó", "kimden", "发件人",
        "差出人",
    ]

    /// Other header block labels (lower case): date, recipients, subject.
    static let otherHeaderLabels: Set<String> = [
        "sent", "date", "to", "cc", "bcc", "subject", "reply-to", "gesendet", "datum", "an", "betreff", "envoyé",
        "envoyé le", "à", "objet", "enviado", "enviado el", "fecha", "para", "asunto", "verzonden", "aan",
        "onderwerp", "inviato", "data", "a", "oggetto", "sendt", "dato", "til", "emne", "skickat", "till", "ämne",
        "lähetetty", "vastaanottaja", "aihe", "отправлено", "кому", "тема", "дата", "wysłano", "do", "temat",
        "odesláno", "komu", "předmět", "收件人", "主题", "日期", "発信日時", "宛先", "件名",
    ]

    /// Phrases (lower case) of lines that introduce a forwarded message, whose headers are not history.
    static let forwardMarkers = [
        "forwarded message", "begin forwarded message", "weitergeleitete nachricht", "message transféré",
        "mensaje reenviado", "doorgestuurd bericht", "messaggio inoltrato", "mensagem encaminhada",
        "videresendt", "vidarebefordrat", "пересылаемое сообщение", "forwarded by",
    ]

    /// Reports whether quoted history starts at `index`: an original-message line, a rule above a header
    /// block, or a header block (`From:`, `Sent:`, `To:`, `Subject:`) that does not belong to a forward.
    func isSeparator(at index: Int) -> Bool {
        let line = lines[index]
        guard !isQuoted(line), !isBlank(line), line.utf8.count <= Self.maximumMarkerLineLength else { return false }
        let first = line.first { $0 != " " && $0 != "\t" }
        guard first == "-" || first == "_" else { return isHeaderBlock(at: index) && !followsForwardMarker(index) }
        if isOriginalMessageLine(line) { return true }
        if isRule(line), let next = nextNonBlank(from: index + 1), next <= index + 3, isHeaderBlock(at: next) {
            return !followsForwardMarker(index)
        }
        return isHeaderBlock(at: index) && !followsForwardMarker(index)
    }

    /// Reports whether a header block starts at `index`: a sender label and at least two more labels
    /// within the next lines (wrapped values may take a line of their own).
    func isHeaderBlock(at index: Int) -> Bool {
        guard let first = headerLabel(lines[index]) else { return false }
        var labels = [first]
        var cursor = index + 1
        while cursor < min(lines.count, index + 8), !isBlank(lines[cursor]) {
            if let label = headerLabel(lines[cursor]) { labels.append(label) }
            cursor += 1
        }
        return labels.count >= 3 && labels.contains { Self.senderLabels.contains($0) }
    }

    /// Returns the lower-case label of a `Label: value` line, also written bold as `*Label:*`; the label
    /// starts the line, as header blocks are not indented.
    func headerLabel(_ line: String) -> String? {
        let trimmed = line.drop { $0 == "*" }
        guard let colon = trimmed.prefix(24).firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let label = trimmed[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: " *\t")).lowercased()
        guard Self.senderLabels.contains(label) || Self.otherHeaderLabels.contains(label) else { return nil }
        return label
    }

    func isRule(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count >= 10 && trimmed.allSatisfy { $0 == "-" || $0 == "_" }
    }

    func isUnderscoreRule(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count >= 10 && trimmed.allSatisfy { $0 == "_" }
    }

    private func isOriginalMessageLine(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("--") || trimmed.hasPrefix("__") else { return false }
        let title = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "-_* ")).lowercased()
        return Self.originalMessageTitles.contains(title)
    }

    private func followsForwardMarker(_ index: Int) -> Bool {
        var cursor = index - 1
        while cursor >= 0 && (isBlank(lines[cursor]) || isRule(lines[cursor])) { cursor -= 1 }
        guard cursor >= 0 else { return false }
        let previous = lines[cursor].lowercased()
        return Self.forwardMarkers.contains { previous.contains($0) }
    }
}
