/// Writes JSON in FlatDesk's canonical form: compact values with `", "` and `": "` separators,
/// object keys sorted inside nested objects, non-ASCII text written as-is.
enum JSONWriter {
    /// Appends the canonical text of `value` to `output`.
    static func write(_ value: JSONValue, into output: inout String, sortKeys: Bool = true) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): writeString(text, into: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += ", " }
                write(item, into: &output, sortKeys: sortKeys)
            }
            output += "]"
        case .object(let pairs):
            let ordered = sortKeys ? pairs.sorted { $0.key < $1.key } : pairs
            output += "{"
            for (index, pair) in ordered.enumerated() {
                if index > 0 { output += ", " }
                writeString(pair.key, into: &output)
                output += ": "
                write(pair.value, into: &output, sortKeys: sortKeys)
            }
            output += "}"
        }
    }

    /// Returns the canonical text of `value`.
    static func string(_ value: JSONValue) -> String {
        var output = ""
        write(value, into: &output)
        return output
    }

    /// Appends `text` as a JSON string literal, escaping only `"`, `\` and control characters.
    static func writeString(_ text: String, into output: inout String) {
        output += "\""
        if !text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
            // Nothing to escape, which is the common case: append the text in one step.
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
