import Foundation

/// Decodes `settings/mail.json`; every key is optional.
enum MailSettingsReader {
    static func read(_ bytes: [UInt8]) throws(MailNotifyError) -> MailSettings {
        var reader = JSONReader(bytes: bytes)
        let document: JSONValue
        do {
            document = try reader.readDocument()
        } catch {
            throw .invalidSettings(key: "file", value: "\(error)", expected: "a JSON object")
        }
        guard document.objectValue != nil else {
            throw .invalidSettings(key: "file", value: document.typeName, expected: "a JSON object")
        }
        var settings = MailSettings(isPresent: true)
        settings.smtp = try smtp(document["smtp"])
        settings.fromName = try string(document, "fromName")
        settings.supportAddress = try address(document, "supportAddress")
        settings.aliases = try addresses(document, "aliases")
        settings.maxAttachmentBytes =
            try integer(document, "maxAttachmentBytes", minimum: 0) ?? settings.maxAttachmentBytes
        settings.retryPolicy = try retryPolicy(document["outbox"])
        return settings
    }

    private static func smtp(_ value: JSONValue?) throws(MailNotifyError) -> MailSettings.SMTP? {
        guard let value, !value.isNull else { return nil }
        guard let url = try string(value, "smtp.url") else {
            throw .invalidSettings(key: "smtp.url", value: "", expected: "smtp://host:port or smtps://host:port")
        }
        let username = try string(value, "smtp.username")
        let startTLS = try startTLS(try string(value, "smtp.startTLS") ?? "required")
        return MailSettings.SMTP(url: url, username: username, startTLS: startTLS)
    }

    private static func startTLS(_ text: String) throws(MailNotifyError) -> SMTPConfiguration.StartTLS {
        switch text {
        case "none": return .none
        case "optional": return .optional
        case "required": return .required
        default: throw .invalidSettings(key: "smtp.startTLS", value: text, expected: "none, optional or required")
        }
    }

    private static func retryPolicy(_ value: JSONValue?) throws(MailNotifyError) -> MailRetryPolicy {
        var policy = MailRetryPolicy()
        guard let value, !value.isNull else { return policy }
        if let seconds = try number(value, "outbox.firstRetrySeconds") { policy.firstDelay = seconds }
        if let seconds = try number(value, "outbox.maxRetrySeconds") { policy.maximumDelay = seconds }
        if let attempts = try integer(value, "outbox.maxAttempts", minimum: 1) { policy.maximumAttempts = attempts }
        return policy
    }

    /// Returns the value at the last component of a dotted `key` in `object`.
    private static func member(_ object: JSONValue, _ key: String) -> JSONValue? {
        let name = String(key.split(separator: ".").last ?? Substring(key))
        guard let value = object[name], !value.isNull else { return nil }
        return value
    }

    private static func string(_ object: JSONValue, _ key: String) throws(MailNotifyError) -> String? {
        guard let value = member(object, key) else { return nil }
        guard let text = value.stringValue else {
            throw .invalidSettings(key: key, value: value.typeName, expected: "a string")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func address(_ object: JSONValue, _ key: String) throws(MailNotifyError) -> String? {
        guard let text = try string(object, key) else { return nil }
        guard EmailAddressSyntax.isValid(text) else {
            throw .invalidSettings(key: key, value: text, expected: "an email address such as support@example.com")
        }
        return text.lowercased()
    }

    private static func addresses(_ object: JSONValue, _ key: String) throws(MailNotifyError) -> [String] {
        guard let value = member(object, key) else { return [] }
        guard let items = value.arrayValue else {
            throw .invalidSettings(key: key, value: value.typeName, expected: "an array of email addresses")
        }
        var result: [String] = []
        for item in items {
            guard let text = item.stringValue, EmailAddressSyntax.isValid(text) else {
                throw .invalidSettings(key: key, value: item.stringValue ?? item.typeName, expected: "email addresses")
            }
            result.append(text.lowercased())
        }
        return result
    }

    private static func integer(_ object: JSONValue, _ key: String, minimum: Int) throws(MailNotifyError) -> Int? {
        guard let value = member(object, key) else { return nil }
        guard let number = value.intValue, number >= minimum else {
            throw .invalidSettings(
                key: key, value: JSONWriter.string(value), expected: "a whole number of at least \(minimum)")
        }
        return number
    }

    private static func number(_ object: JSONValue, _ key: String) throws(MailNotifyError) -> Double? {
        guard let value = member(object, key) else { return nil }
        guard case .number(let text) = value, let number = Double(text), number >= 0 else {
            throw .invalidSettings(
                key: key, value: JSONWriter.string(value), expected: "a number of seconds of at least 0")
        }
        return number
    }
}
