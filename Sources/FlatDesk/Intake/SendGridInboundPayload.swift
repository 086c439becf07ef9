import Foundation

/// A SendGrid Inbound Parse POST body (`multipart/form-data`), turned into one RFC 5322 message.
///
/// In the raw form the `email` field carries the whole message. In the parsed form SendGrid splits the
/// message into fields: `headers` (the original header block), `text`, `html`, `from`, `to`, `cc`,
/// `subject`, `charsets` (a JSON object naming the charset of each field), `attachment-info` (a JSON object
/// with each file's name and type) and files `attachment1` … `attachmentN`. Those are put back together as
/// a MIME message with the original headers, so both forms go through the same parser.
public struct SendGridInboundPayload: Sendable {
    /// The form SendGrid posted.
    public enum Form: String, Sendable {
        /// The `email` field contains the full message ("POST the raw, full MIME message").
        case raw
        /// The message was split into fields.
        case parsed
    }

    public var form: Form
    /// The message as RFC 5322 bytes.
    public var message: [UInt8]

    /// Reads a payload from the parts of its multipart body.
    /// - Throws: `MailIntakeError.invalidPayload` when the parts contain neither an `email` field nor
    ///   `headers` or `from`.
    public static func parse(_ parts: [HTTPMultipartPart]) throws(MailIntakeError) -> SendGridInboundPayload {
        var fields: [String: [UInt8]] = [:]
        var files: [HTTPMultipartPart] = []
        for part in parts {
            if part.filename != nil || (part.name.hasPrefix("attachment") && Int(part.name.dropFirst(10)) != nil) {
                files.append(part)
            } else if fields[part.name] == nil {
                fields[part.name] = part.data
            }
        }
        if let email = fields["email"], !email.allSatisfy(Self.isWhitespace) {
            return SendGridInboundPayload(form: .raw, message: email)
        }
        let hasHeaders = fields["headers"].map { !$0.allSatisfy(Self.isWhitespace) } ?? false
        let hasFrom = fields["from"].map { !$0.allSatisfy(Self.isWhitespace) } ?? false
        guard hasHeaders || hasFrom else {
            let names = parts.map(\.name).joined(separator: ", ")
            throw .invalidPayload(
                reason:
                    "the form has neither an 'email' field nor 'headers' or 'from' (fields: \(names.isEmpty ? "none" : names))"
            )
        }
        return SendGridInboundPayload(
            form: .parsed, message: SendGridMessageBuilder(fields: fields, files: files).build())
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
