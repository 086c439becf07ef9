/// Decoding of `format=flowed` plain text (RFC 3676): soft line breaks are joined into paragraphs.
enum FlowedText {
    /// Joins each line that ends in a space with the next line of the same quote depth.
    /// - Parameters:
    ///   - text: The decoded text of a `text/plain; format=flowed` part.
    ///   - deleteSpace: True for `delsp=yes`, where the trailing space only marks the break and is removed.
    static func unflow(_ text: String, deleteSpace: Bool) -> String {
        var output: [String] = []
        var paragraph: (depth: Int, text: String)?
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let (depth, content) = parse(rawLine)
            let isSoftBreak = content.hasSuffix(" ") && content != "-- "
            let piece = deleteSpace && isSoftBreak ? String(content.dropLast()) : content
            if let open = paragraph, open.depth == depth {
                paragraph = (depth, open.text + piece)
            } else {
                if let open = paragraph { output.append(quoted(open)) }
                paragraph = (depth, piece)
            }
            if !isSoftBreak, let open = paragraph {
                output.append(quoted(open))
                paragraph = nil
            }
        }
        if let open = paragraph { output.append(quoted(open)) }
        return output.joined(separator: "\n")
    }

    /// Splits a line into its quote depth and its content without quote marks and space-stuffing.
    private static func parse(_ rawLine: Substring) -> (Int, String) {
        var line = rawLine
        if line.hasSuffix("\r") { line = line.dropLast() }
        let depth = line.prefix { $0 == ">" }.count
        var content = line.dropFirst(depth)
        if content.hasPrefix(" ") { content = content.dropFirst() }
        return (depth, String(content))
    }

    private static func quoted(_ paragraph: (depth: Int, text: String)) -> String {
        guard paragraph.depth > 0 else { return paragraph.text }
        return String(repeating: ">", count: paragraph.depth) + " " + paragraph.text
    }
}
