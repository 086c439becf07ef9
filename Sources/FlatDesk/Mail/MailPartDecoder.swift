import CGMime
import Foundation

/// Reads the content of GMime parts as bytes or as UTF-8 text.
enum MailPartDecoder {
    /// Charset names whose text is UTF-8 when the bytes are valid UTF-8.
    private static let utf8CompatibleCharsets: Set<String> = [
        "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "utf-8", "utf8", "unicode-1-1-utf-8",
    ]

    /// Returns the content of `part` with its transfer encoding (base64, quoted-printable, uuencode) removed.
    static func contentBytes(of part: UnsafeMutablePointer<GMimePart>) -> [UInt8] {
        guard let content = g_mime_part_get_content(part) else { return [] }
        return collectBytes { stream in _ = g_mime_data_wrapper_write_to_stream(content, stream) }
    }

    /// Returns `object` serialized as GMime writes it, which for a parsed message is its original text.
    static func serializedBytes(of object: UnsafeMutablePointer<GMimeObject>) -> [UInt8] {
        collectBytes { stream in _ = g_mime_object_write_to_stream(object, nil, stream) }
    }

    /// Returns the text of a text part as UTF-8 with LF line endings.
    ///
    /// The declared charset is converted with GMime's charset filter, the conversion that
    /// `g_mime_text_part_get_text` uses. The result is read with its length because that function
    /// returns a C string, which a `=00` in quoted-printable text would cut short. Bytes that are valid
    /// UTF-8 with non-ASCII characters are read as UTF-8 whatever charset the part declares, since mislabeled
    /// UTF-8 is common and other charsets almost never form valid UTF-8. Without a usable charset,
    /// `g_mime_utils_decode_8bit` picks the fallback charset that converts the bytes with fewest errors.
    static func text(of object: UnsafeMutablePointer<GMimeObject>, options: OpaquePointer) -> String {
        guard let part = fd_gmime_part(object) else { return "" }
        let bytes = textBytes(of: part)
        let charset = g_mime_object_get_content_type_parameter(object, "charset")
            .map { String(cString: $0).trimmingCharacters(in: .whitespaces).lowercased() }
        let isUTF8 = bytes.contains { $0 >= 0x80 } && String(validating: bytes, as: UTF8.self) != nil
        if let charset, !utf8CompatibleCharsets.contains(charset), !isUTF8,
            let converted = convertToUTF8(bytes, from: charset)
        {
            return repaired(converted)
        }
        return repaired(decodeUnknownCharset(bytes, options: options))
    }

    /// Decodes `bytes` as UTF-8 when valid, else with GMime's fallback charset detection.
    ///
    /// NOTE: the fallback is Windows-1252, so undeclared Cyrillic (KOI8-R, Windows-1251) or other
    /// single-byte text comes out as Latin letters; no statistical charset detection is done.
    static func decodeUnknownCharset(_ bytes: [UInt8], options: OpaquePointer) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let withoutNUL = bytes.filter { $0 != 0 }
        let decoded = withoutNUL.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { g_mime_utils_decode_8bit(options, $0.baseAddress, $0.count) }
        }
        guard let decoded else { return String(decoding: bytes, as: UTF8.self) }
        defer { g_free(decoded) }
        return String(cString: decoded)
    }

    /// Converts `bytes` from `charset` to UTF-8 with GMime's charset filter; nil when iconv, through
    /// GMime's charset name mapping, does not know `charset`.
    static func convertToUTF8(_ bytes: [UInt8], from charset: String) -> String? {
        guard let filterPointer = g_mime_filter_charset_new(charset, "UTF-8") else { return nil }
        let filter = GMimeReference(owning: filterPointer)
        let converted = collectBytes { output in
            guard let filteredPointer = g_mime_stream_filter_new(output) else { return }
            let filtered = GMimeReference(owning: filteredPointer)
            withExtendedLifetime((filter, filtered)) {
                _ = g_mime_stream_filter_add(fd_gmime_stream_filter(filtered.pointer), filter.pointer)
                bytes.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) {
                        _ = g_mime_stream_write(filtered.pointer, $0.baseAddress, $0.count)
                    }
                }
                _ = g_mime_stream_flush(filtered.pointer)
            }
        }
        return String(decoding: converted, as: UTF8.self)
    }

    /// Converts CRLF and bare CR line endings to LF.
    static func normalizedLineEndings(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 0x0A && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == 0x0D
            bytes.append(previousWasCR ? 0x0A : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Returns the decoded content of a text part. Content labeled base64 that is plain text is returned
    /// as written, which a line with spaces between words shows because base64 never has one.
    private static func textBytes(of part: UnsafeMutablePointer<GMimePart>) -> [UInt8] {
        guard g_mime_part_get_content_encoding(part) == GMIME_CONTENT_ENCODING_BASE64,
            let content = g_mime_part_get_content(part), let stream = g_mime_data_wrapper_get_stream(content)
        else { return contentBytes(of: part) }
        let encoded = collectBytes { output in
            _ = g_mime_stream_reset(stream)
            _ = g_mime_stream_write_to_stream(stream, output)
            _ = g_mime_stream_reset(stream)
        }
        return isPlainText(encoded) ? encoded : contentBytes(of: part)
    }

    private static func isPlainText(_ encoded: [UInt8]) -> Bool {
        for line in encoded.split(separator: 0x0A) {
            let words = line.split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if words.count > 1 { return true }
        }
        return false
    }

    /// Normalizes line endings and replaces C1 control characters (U+0080...U+009F), which appear when
    /// Windows-1252 text was decoded as Latin-1, with the Windows-1252 characters they stand for.
    private static func repaired(_ text: String) -> String {
        let normalized = normalizedLineEndings(text)
        guard normalized.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) else { return normalized }
        var scalars = String.UnicodeScalarView()
        for scalar in normalized.unicodeScalars {
            if (0x80...0x9F).contains(scalar.value) {
                scalars.append(HTMLEntities.character(forCodePoint: scalar.value))
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Runs `write` against a fresh memory stream and returns the bytes written.
    private static func collectBytes(_ write: (UnsafeMutablePointer<GMimeStream>) -> Void) -> [UInt8] {
        guard let streamPointer = g_mime_stream_mem_new() else { return [] }
        let stream = GMimeReference(owning: streamPointer)
        // The byte array belongs to the stream, so the stream must outlive the copy.
        return withExtendedLifetime(stream) {
            write(stream.pointer)
            guard let array = g_mime_stream_mem_get_byte_array(fd_gmime_stream_mem(stream.pointer)),
                let data = array.pointee.data
            else { return [] }
            return Array(UnsafeBufferPointer(start: data, count: Int(array.pointee.len)))
        }
    }
}
