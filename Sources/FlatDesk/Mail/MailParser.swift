import CGMime
import Foundation

/// Parses raw inbound email (RFC 5322 / MIME) with GMime into an `InboundMessage`.
///
/// Malformed input gives a best-effort message because GMime reads broken structure as far as it can.
/// Only input without any header block is rejected. The tests feed the parser the email corpus, random
/// bytes and truncated or corrupted messages.
public enum MailParser {
    /// Runs `g_mime_init` once per process; Swift initializes static properties lazily and thread-safely.
    private static let gmimeInitialized: Void = g_mime_init()

    /// Parses one message.
    /// - Parameter raw: The message bytes as received, headers first, with LF, CRLF or CR line endings.
    /// - Throws: `MailError.emptyInput` or `MailError.notAMessage` when the bytes are not a message.
    public static func parse(_ raw: [UInt8]) throws(MailError) -> InboundMessage {
        _ = gmimeInitialized
        let input = withUnterminatedEncodedWordsBroken(normalizedInput(raw))
        guard !input.isEmpty else { throw .emptyInput }

        let options = try GMimeParserOptionsReference()
        guard let message = try constructMessage(input, options: options) else {
            throw .notAMessage(byteCount: raw.count, start: printablePrefix(of: input))
        }
        return InboundMessageBuilder(message: message, options: options).build()
    }

    /// Parses one message held in `Data`.
    /// - Throws: `MailError.emptyInput` or `MailError.notAMessage` when the bytes are not a message.
    public static func parse(_ data: Data) throws(MailError) -> InboundMessage {
        try parse([UInt8](data))
    }

    /// Runs the GMime parser over `bytes`; returns nil when GMime finds no message in them.
    static func constructMessage(
        _ bytes: [UInt8], options: GMimeParserOptionsReference
    ) throws(MailError) -> GMimeReference<GMimeMessage>? {
        _ = gmimeInitialized
        let streamPointer = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { g_mime_stream_mem_new_with_buffer($0.baseAddress, $0.count) }
        }
        let stream = try GMimeReference(owning: check(streamPointer, "g_mime_stream_mem_new_with_buffer", bytes))
        let parser = try GMimeReference(
            owning: check(g_mime_parser_new_with_stream(stream.pointer), "g_mime_parser_new_with_stream", bytes))
        let message = withExtendedLifetime((stream, parser, options)) {
            g_mime_parser_set_format(parser.pointer, GMIME_FORMAT_MESSAGE)
            return g_mime_parser_construct_message(parser.pointer, options.pointer)
        }
        return message.map { GMimeReference(owning: $0) }
    }

    /// Turns a NULL result of the GMime function `function` into `MailError.gmimeFailed`.
    static func check<Pointee>(
        _ pointer: UnsafeMutablePointer<Pointee>?, _ function: String, _ input: [UInt8]
    ) throws(MailError) -> UnsafeMutablePointer<Pointee> {
        guard let pointer else { throw .gmimeFailed(function: function, byteCount: input.count) }
        return pointer
    }
}
