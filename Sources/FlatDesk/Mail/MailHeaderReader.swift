import CGMime
import Foundation

/// Reads header fields of a parsed GMime message as Swift values.
///
/// Text is decoded from each field's raw value after `MailEncodedWordMerger` has joined base64 encoded
/// words, which GMime 3.2.13 decodes wrongly when they are adjacent.
struct MailHeaderReader {
    let message: UnsafeMutablePointer<GMimeMessage>
    let options: OpaquePointer
    /// Top-level header fields in order, with their raw (folded, encoded) values as bytes, since raw
    /// 8-bit header text may be in any charset.
    private let fields: [(name: String, raw: [UInt8])]

    init(message: UnsafeMutablePointer<GMimeMessage>, options: OpaquePointer) {
        self.message = message
        self.options = options
        fields = Self.fields(of: message)
    }

    /// Returns every top-level header field in order, unfolded and decoded.
    func headers() -> [MailHeader] {
        fields.map { MailHeader(name: $0.name, value: decodedText($0.raw)) }
    }

    /// Returns the Message-ID without angle brackets, or nil when it is missing or empty.
    func messageID() -> String? {
        nonEmpty(g_mime_message_get_message_id(message).map { String(cString: $0) })
    }

    /// Returns the decoded subject with surrounding whitespace removed.
    func subject() -> String {
        rawValues(of: "Subject").first.map(decodedText) ?? ""
    }

    /// Returns the Date header as a point in time.
    func date() -> Date? {
        guard let dateTime = g_mime_message_get_date(message) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(g_date_time_to_unix(dateTime)))
    }

    /// Returns the message ids listed in the header `name` (References, In-Reply-To), without angle brackets.
    func messageIDs(inHeader name: String) -> [String] {
        guard let raw = rawValues(of: name).first else { return [] }
        let value = String(decoding: preparedForDecoding(raw), as: UTF8.self)
        guard !value.isEmpty else { return [] }
        guard let references = g_mime_references_parse(options, value) else {
            return nonEmpty(value.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t"))).map { [$0] } ?? []
        }
        defer { g_mime_references_free(references) }
        return (0..<g_mime_references_length(references)).compactMap { index in
            nonEmpty(g_mime_references_get_message_id(references, index).map { String(cString: $0) })
        }
    }

    /// Returns the first mailbox of the first From header. A From header GMime reads no mailbox from,
    /// such as `MAILER DAEMON <>`, gives an address with the header text as name and an empty email.
    func fromAddress() -> MailAddress? {
        guard let raw = rawValues(of: "From").first else { return nil }
        if let first = addresses(inRawValue: raw).first { return first }
        let text = decodedText(raw)
        return text.isEmpty ? nil : Self.addressFromUnparsedHeader(text)
    }

    /// Returns the mailboxes of every header field named `name` (To, Cc, Reply-To), groups expanded.
    func addresses(inHeader name: String) -> [MailAddress] {
        rawValues(of: name).flatMap { addresses(inRawValue: $0) }
    }

    private func addresses(inRawValue raw: [UInt8]) -> [MailAddress] {
        let list = Self.withCString(preparedForDecoding(raw)) { internet_address_list_parse(options, $0) }
        guard let list else { return [] }
        defer { fd_g_object_unref(list) }
        return addresses(in: list)
    }

    private func addresses(in list: UnsafeMutablePointer<InternetAddressList>, depth: Int = 0) -> [MailAddress] {
        guard depth < 8 else { return [] }
        return (0..<internet_address_list_length(list)).flatMap { index -> [MailAddress] in
            guard let address = internet_address_list_get_address(list, index) else { return [] }
            if fd_internet_address_is_group(address) != 0 {
                let members = fd_internet_address_group(address).flatMap { internet_address_group_get_members($0) }
                return members.map { addresses(in: $0, depth: depth + 1) } ?? []
            }
            guard fd_internet_address_is_mailbox(address) != 0, let mailbox = fd_internet_address_mailbox(address)
            else { return [] }
            let name = internet_address_get_name(address).map { String(cString: $0) }
            let email = internet_address_mailbox_get_addr(mailbox).map { String(cString: $0) } ?? ""
            return [MailAddress(name: name, email: email)]
        }
    }

    private static func fields(of message: UnsafeMutablePointer<GMimeMessage>) -> [(name: String, raw: [UInt8])] {
        guard let list = fd_gmime_message_object(message).flatMap({ g_mime_object_get_header_list($0) }) else {
            return []
        }
        return (0..<g_mime_header_list_get_count(list)).compactMap { index in
            guard let header = g_mime_header_list_get_header_at(list, index),
                let name = g_mime_header_get_name(header)
            else { return nil }
            return (String(cString: name), rawValue(of: header))
        }
    }

    private func rawValues(of name: String) -> [[UInt8]] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.raw)
    }

    private static func rawValue(of header: UnsafeMutablePointer<GMimeHeader>) -> [UInt8] {
        guard let raw = g_mime_header_get_raw_value(header) ?? g_mime_header_get_value(header) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: strlen(raw)))
    }

    /// Unfolds a raw value and decodes its encoded words and raw 8-bit text to UTF-8.
    private func decodedText(_ raw: [UInt8]) -> String {
        let prepared = preparedForDecoding(raw)
        let decoded = Self.withCString(prepared) { g_mime_utils_header_decode_text(options, $0) }
        guard let decoded else { return String(decoding: prepared, as: UTF8.self) }
        defer { g_free(decoded) }
        return String(cString: decoded).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Unfolds `raw` and merges its base64 encoded words; raw 8-bit text that is not UTF-8 is left
    /// as it is for GMime's fallback charsets.
    private func preparedForDecoding(_ raw: [UInt8]) -> [UInt8] {
        let unfolded = Self.withCString(raw) { g_mime_utils_header_unfold($0) }
        guard let unfolded else { return raw }
        defer { g_free(unfolded) }
        let bytes = Array(UnsafeRawBufferPointer(start: unfolded, count: strlen(unfolded)))
        guard let text = String(validating: bytes, as: UTF8.self) else { return bytes }
        return Array(MailEncodedWordMerger.merged(text.trimmingCharacters(in: .whitespacesAndNewlines)).utf8)
    }

    /// Calls `body` with `bytes` as a NUL-terminated C string; NUL bytes inside are dropped.
    private static func withCString<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result?) -> Result? {
        let terminated = bytes.filter { $0 != 0 } + [0]
        return terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in characters.baseAddress.flatMap(body) }
        }
    }

    private static func addressFromUnparsedHeader(_ text: String) -> MailAddress {
        guard let open = text.firstIndex(of: "<") else { return MailAddress(name: text, email: "") }
        let close = text[open...].firstIndex(of: ">") ?? text.endIndex
        let email = text[text.index(after: open)..<close]
        let name = text[..<open].trimmingCharacters(in: CharacterSet(charactersIn: "\" \t"))
        return MailAddress(name: name, email: String(email))
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        return trimmed
    }
}
