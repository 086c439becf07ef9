import Foundation

/// Turns the file name a message declares for an attachment into a name safe to store on disk.
enum MailAttachmentName {
    /// Maximum file name length, in bytes of UTF-8.
    static let maximumByteCount = 200
    /// Maximum length of the extension kept when a long name is shortened, in bytes of UTF-8 including the dot.
    static let maximumExtensionByteCount = 16

    /// Returns a safe file name for the attachment at `position` (counted from 1).
    ///
    /// Directory components (after `/` or `\`), a drive prefix such as `C:`, control characters and
    /// leading dots are removed. Runs of dots become one dot, so the name never contains `..`. The name
    /// is shortened to `maximumByteCount` bytes, keeping its extension. A name that ends up empty
    /// becomes `attachment-<position>.bin` (`.eml` for attached messages).
    /// - Parameters:
    ///   - declared: The decoded filename or name parameter, if any.
    ///   - requiredExtension: An extension the name must end with, such as `eml`; added when missing.
    ///   - position: The attachment's position in the message, used in the fallback name.
    static func sanitized(_ declared: String?, requiredExtension: String? = nil, position: Int) -> String {
        var name = cleaned(declared ?? "")
        if name.isEmpty {
            name = "attachment-\(position)"
            if requiredExtension == nil { return "\(name).bin" }
        }
        if let requiredExtension, !name.lowercased().hasSuffix(".\(requiredExtension)") {
            name += ".\(requiredExtension)"
        }
        return truncated(name)
    }

    private static func cleaned(_ declared: String) -> String {
        let lastComponent = declared.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }.last ?? ""
        var name = String(lastComponent.unicodeScalars.filter { !isControl($0) })
        name = withoutDrivePrefix(name)
        while name.contains("..") {
            name = name.replacingOccurrences(of: "..", with: ".")
        }
        name = name.trimmingCharacters(in: .whitespaces)
        while name.hasPrefix(".") {
            name.removeFirst()
            name = name.trimmingCharacters(in: .whitespaces)
        }
        return name
    }

    /// Control characters, plus the invisible direction marks that can disguise an extension (`exe.txt`).
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    private static func withoutDrivePrefix(_ name: String) -> String {
        let scalars = Array(name.unicodeScalars.prefix(2))
        guard scalars.count == 2, scalars[1] == ":", scalars[0].isASCII, scalars[0].properties.isAlphabetic else {
            return name
        }
        return String(name.dropFirst(2))
    }

    /// Shortens `name` to `maximumByteCount` bytes on a character boundary, keeping a short extension.
    private static func truncated(_ name: String) -> String {
        guard name.utf8.count > maximumByteCount else { return name }
        var base = Substring(name)
        var fileExtension = ""
        if let dot = name.lastIndex(of: "."), name.utf8[dot...].count <= maximumExtensionByteCount {
            base = name[..<dot]
            fileExtension = String(name[dot...])
        }
        let budget = maximumByteCount - fileExtension.utf8.count
        var kept = ""
        for character in base {
            guard kept.utf8.count + character.utf8.count <= budget else { break }
            kept.append(character)
        }
        return kept + fileExtension
    }
}
