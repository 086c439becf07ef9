import Foundation

extension ReplyLines {
    /// Line beginnings (lower case) of the signatures phones and mail apps add, such as `Sent from my iPhone`.
    static let mobileSignatureOpeners = [
        "sent from ", "sent with ", "sent via ", "sent using ", "get outlook for ", "von meinem ",
        "gesendet von ", "envoyé de mon ", "envoyé depuis ", "enviado desde mi ", "enviado do meu ",
        "enviado desde ", "verzonden vanaf mijn ", "verstuurd vanaf mijn ", "inviato da ", "skickat från min ",
        "sendt fra min ", "lähetetty ", "отправлено с ",
    ]

    /// Reports whether `line` is a signature delimiter: `-- ` (RFC 3676) or `--` as many clients
    /// write it after trimming.
    func isSignatureDelimiter(_ line: String) -> Bool {
        var trimmed = Substring(line)
        while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "--"
    }

    /// Reports whether `line` is a short app signature; a sentence such as `Sent from my desk, which…` is not.
    func isMobileSignature(_ line: String) -> Bool {
        let lower = line.trimmingCharacters(in: .whitespaces).lowercased()
        guard lower.count <= 80, !lower.contains(","), lower.split(separator: " ").count <= 8 else { return false }
        return Self.mobileSignatureOpeners.contains { lower.hasPrefix($0) }
    }
}
