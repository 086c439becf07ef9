/// The split of a helpdesk Markdown file into its JSON front-matter and its body.
///
/// Also enforces what every file must be before parsing starts: not too large, not binary, valid UTF-8.
struct FrontMatter {
    /// The format version this build of FlatDesk reads and writes.
    static let formatVersion = 1
    /// Files larger than this are reported and skipped rather than read.
    static let maximumFileBytes = 10 * 1024 * 1024

    var fields: [(key: String, value: JSONValue)]
    /// The line of each key, in reading order.
    var keyLines: [(key: String, line: Int)]
    /// Body bytes after the blank line that follows the front-matter.
    var body: ArraySlice<UInt8>
    /// 1-based line on which the body starts.
    var bodyLine: Int

    /// Splits `bytes` read from `path`.
    static func split(_ bytes: [UInt8], path: String) throws(FileFormatError) -> FrontMatter {
        try checkReadable(bytes, path: path)
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var reader = JSONReader(bytes: bytes, start: start)
        let value: JSONValue
        do {
            value = try reader.readDocument()
        } catch {
            throw FileFormatError([FileProblem(path: path, line: error.line, message: "invalid front-matter: \(error.message)")])
        }
        guard case .object(let pairs) = value else {
            let problem = FileProblem(
                path: path, line: 1, message: "front-matter must be a JSON object, found \(value.typeName)")
            throw FileFormatError([problem])
        }
        let (body, bodyLine) = bodyAfterHeader(bytes, from: reader.offset, headerEndLine: reader.line)
        return FrontMatter(fields: pairs, keyLines: reader.keyLineList, body: body, bodyLine: bodyLine)
    }

    /// Skips the end of the header line and one blank line, tolerating CRLF and a missing blank line.
    private static func bodyAfterHeader(_ bytes: [UInt8], from offset: Int, headerEndLine: Int)
        -> (ArraySlice<UInt8>, Int)
    {
        var position = offset
        var line = headerEndLine
        for _ in 0..<2 {
            if position < bytes.count, bytes[position] == 0x0D { position += 1 }
            guard position < bytes.count, bytes[position] == 0x0A else { break }
            position += 1
            line += 1
        }
        return (bytes[position...], line)
    }

    private static func checkReadable(_ bytes: [UInt8], path: String) throws(FileFormatError) {
        if bytes.count > maximumFileBytes {
            let message = "file is \(bytes.count) bytes, larger than the \(maximumFileBytes / 1_048_576) MB limit"
            throw FileFormatError([FileProblem(path: path, line: nil, message: message)])
        }
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw FileFormatError([FileProblem(path: path, line: line, message: "binary file (NUL byte); expected UTF-8 text")])
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            let line = firstInvalidUTF8Line(bytes)
            throw FileFormatError([FileProblem(path: path, line: line, message: "invalid UTF-8; save the file as UTF-8")])
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw FileFormatError([FileProblem(path: path, line: 1, message: "empty file; expected a JSON front-matter object")])
        }
    }

    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1
        var lineStart = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil { return line }
            line += 1
            lineStart = index + 1
        }
        return line
    }

    /// The line of `key`, or of its last use when it is repeated.
    func line(of key: String) -> Int? {
        keyLines.last { $0.key == key }?.line
    }

    /// Checks `formatVersion`: absent means 1, higher than this build reads is an error that says how to upgrade.
    func checkVersion(path: String) throws(FileFormatError) {
        guard let value = fields.first(where: { $0.key == "formatVersion" })?.value else { return }
        let line = line(of: "formatVersion")
        guard let version = value.intValue, version >= 1 else {
            throw FileFormatError([FileProblem(path: path, line: line, message: "invalid formatVersion \(JSONWriter.string(value)) (expected 1)")])
        }
        guard version <= FrontMatter.formatVersion else {
            let message =
                "formatVersion \(version) is newer than this FlatDesk reads (\(FrontMatter.formatVersion)); "
                + "upgrade FlatDesk to read this helpdesk"
            throw FileFormatError([FileProblem(path: path, line: line, message: message)])
        }
    }
}

/// Writes a front-matter object with one field per line in the given order.
struct FrontMatterWriter {
    private(set) var text = "{\n"
    private var count = 0

    mutating func field(_ key: String, _ value: JSONValue) {
        if count > 0 { text += ",\n" }
        text += "  "
        JSONWriter.writeString(key, into: &text)
        text += ": "
        JSONWriter.write(value, into: &text)
        count += 1
    }

    /// Returns the closed object followed by a blank line.
    func finished() -> String { text + "\n}\n\n" }
}
