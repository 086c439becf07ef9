import CGMime
import Foundation

/// A message parsed back with GMime, the MIME library FlatDesk reads inbound mail with.
struct ParsedMail {
    struct Part {
        let mimeType: String
        let text: String
    }

    let subject: String?
    let messageID: String?
    let from: [String]
    let to: [String]
    let cc: [String]
    let replyTo: [String]
    let headers: [String: String]
    let parts: [Part]

    static let initialization: Void = g_mime_init()

    init?(_ bytes: [UInt8]) {
        Self.initialization
        var copy = bytes
        let stream = copy.withUnsafeMutableBufferPointer { buffer in
            g_mime_stream_mem_new_with_buffer(
                UnsafeRawPointer(buffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }, buffer.count)
        }
        guard let stream else { return nil }
        defer { g_object_unref(stream) }
        guard let parser = g_mime_parser_new_with_stream(stream) else { return nil }
        defer { g_object_unref(parser) }
        guard let message = g_mime_parser_construct_message(parser, nil) else { return nil }
        defer { g_object_unref(message) }
        subject = g_mime_message_get_subject(message).map { String(cString: $0) }
        messageID = g_mime_message_get_message_id(message).map { String(cString: $0) }
        from = Self.mailboxes(g_mime_message_get_from(message))
        to = Self.mailboxes(g_mime_message_get_to(message))
        cc = Self.mailboxes(g_mime_message_get_cc(message))
        replyTo = Self.mailboxes(g_mime_message_get_reply_to(message))
        let object = UnsafeMutableRawPointer(message).assumingMemoryBound(to: GMimeObject.self)
        headers = Self.headers(of: object)
        parts = Self.textParts(of: g_mime_message_get_mime_part(message))
    }

    /// Formats each mailbox as `name|address`, with the display name decoded from RFC 2047.
    private static func mailboxes(_ list: UnsafeMutablePointer<InternetAddressList>?) -> [String] {
        guard let list else { return [] }
        return (0..<internet_address_list_length(list)).compactMap { index in
            guard let address = internet_address_list_get_address(list, index) else { return nil }
            let name = internet_address_get_name(address).map { String(cString: $0) } ?? ""
            let mailbox = UnsafeMutableRawPointer(address).assumingMemoryBound(to: InternetAddressMailbox.self)
            let addr = internet_address_mailbox_get_addr(mailbox).map { String(cString: $0) } ?? ""
            return "\(name)|\(addr)"
        }
    }

    private static func headers(of object: UnsafeMutablePointer<GMimeObject>) -> [String: String] {
        guard let list = g_mime_object_get_header_list(object) else { return [:] }
        var result: [String: String] = [:]
        for index in 0..<g_mime_header_list_get_count(list) {
            guard let header = g_mime_header_list_get_header_at(list, index) else { continue }
            let name = String(cString: g_mime_header_get_name(header))
            result[name] = g_mime_header_get_value(header).map { String(cString: $0) }
        }
        return result
    }

    private static func textParts(of object: UnsafeMutablePointer<GMimeObject>?) -> [Part] {
        guard let object else { return [] }
        let contentType = g_mime_object_get_content_type(object)
        let mimeType =
            g_mime_content_type_get_mime_type(contentType).map { pointer in
                defer { g_free(pointer) }
                return String(cString: pointer)
            } ?? ""
        if mimeType.hasPrefix("multipart/") {
            let multipart = UnsafeMutableRawPointer(object).assumingMemoryBound(to: GMimeMultipart.self)
            return (0..<g_mime_multipart_get_count(multipart)).flatMap {
                textParts(of: g_mime_multipart_get_part(multipart, $0))
            }
        }
        let textPart = UnsafeMutableRawPointer(object).assumingMemoryBound(to: GMimeTextPart.self)
        let text =
            g_mime_text_part_get_text(textPart).map { pointer in
                defer { g_free(pointer) }
                return String(cString: pointer)
            } ?? ""
        return [Part(mimeType: mimeType, text: text)]
    }
}
