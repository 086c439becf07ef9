import CGMime
import Foundation

/// Owns a `GMimeParserOptions`, which is a plain struct freed with `g_mime_parser_options_free`.
final class GMimeParserOptionsReference {
    let pointer: OpaquePointer

    /// Creates options that accept the malformed input found in real mail.
    ///
    /// Raw 8-bit header text that is not UTF-8 is read as Windows-1252, the most common legacy charset.
    init() throws(MailError) {
        guard let options = g_mime_parser_options_new() else {
            throw .gmimeFailed(function: "g_mime_parser_options_new", byteCount: 0)
        }
        pointer = options
        g_mime_parser_options_set_rfc2047_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE)
        g_mime_parser_options_set_address_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE)
        g_mime_parser_options_set_parameter_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE)
        g_mime_parser_options_set_allow_addresses_without_domain(options, 1)
        Self.setFallbackCharsets(["UTF-8", "windows-1252"], on: options)
    }

    deinit {
        g_mime_parser_options_free(pointer)
    }

    private static func setFallbackCharsets(_ charsets: [String], on options: OpaquePointer) {
        // GMime copies the NULL-terminated list, so the C strings only need to live for this call.
        let cStrings = charsets.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        var list: [UnsafePointer<CChar>?] = cStrings.map { UnsafePointer($0) }
        list.append(nil)
        list.withUnsafeMutableBufferPointer { buffer in
            g_mime_parser_options_set_fallback_charsets(options, buffer.baseAddress)
        }
    }
}
