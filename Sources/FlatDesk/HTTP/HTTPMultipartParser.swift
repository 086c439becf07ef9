/// Splits a `multipart/form-data` body (RFC 7578, delimiters as in RFC 2046 section 5.1.1) into parts.
///
/// It accepts CRLF and bare LF line breaks, ignores any preamble before the first delimiter (such as a
/// UTF-8 byte order mark) and the epilogue after the closing delimiter, and requires the closing delimiter.
struct HTTPMultipartParser {
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let dash = UInt8(ascii: "-")

    let body: [UInt8]
    let boundary: String
    private let dashBoundary: [UInt8]

    /// Prepares to split `body` on `boundary`, the value of the Content-Type `boundary` parameter.
    init(body: [UInt8], boundary: String) {
        self.body = body
        self.boundary = boundary
        self.dashBoundary = Array("--\(boundary)".utf8)
    }

    /// Returns the parts in body order.
    /// - Throws: `HTTPServerError` naming the first structural problem found.
    func parse() throws(HTTPServerError) -> [HTTPMultipartPart] {
        guard let first = firstDelimiter() else {
            throw .multipartBoundaryNotFound(boundary: boundary)
        }
        var parts: [HTTPMultipartPart] = []
        var delimiter = first
        while !delimiter.isClosing {
            let (fields, contentStart) = try readHeaders(from: delimiter.nextLine, partIndex: parts.count)
            guard let next = nextDelimiter(from: contentStart) else {
                throw .multipartUnterminated(boundary: boundary, completeParts: parts.count)
            }
            let contentEnd = contentEnd(before: next.start, contentStart: contentStart)
            parts.append(try makePart(fields, Array(body[contentStart..<contentEnd]), partIndex: parts.count))
            delimiter = next
        }
        return parts
    }
}

extension HTTPMultipartParser {
    /// A delimiter line found in the body.
    struct Delimiter {
        /// Index of the first `-` of `--boundary`.
        var start: Int
        /// True for the closing delimiter `--boundary--`.
        var isClosing: Bool
        /// Index of the first byte after the delimiter line; unused for the closing delimiter.
        var nextLine: Int
    }

    /// Finds the first delimiter anywhere in the body, so that a preamble or byte order mark is skipped.
    private func firstDelimiter() -> Delimiter? {
        var index = 0
        while let candidate = firstIndex(of: dashBoundary, from: index) {
            if let delimiter = delimiter(at: candidate) {
                return delimiter
            }
            index = candidate + 1
        }
        return nil
    }

    /// Finds the next delimiter at `contentStart` or right after a line feed at or past it.
    private func nextDelimiter(from contentStart: Int) -> Delimiter? {
        if let delimiter = delimiter(at: contentStart) {
            return delimiter
        }
        var index = contentStart
        while let lineFeed = body[index...].firstIndex(of: Self.lineFeed) {
            if let delimiter = delimiter(at: lineFeed + 1) {
                return delimiter
            }
            index = lineFeed + 1
        }
        return nil
    }

    /// Reads a delimiter at `start`: `--boundary` followed by `--`, or by optional spaces and a line break.
    func delimiter(at start: Int) -> Delimiter? {
        guard hasBytes(dashBoundary, at: start) else { return nil }
        var index = start + dashBoundary.count
        if hasBytes([Self.dash, Self.dash], at: index) {
            return Delimiter(start: start, isClosing: true, nextLine: body.count)
        }
        while index < body.count, body[index] == UInt8(ascii: " ") || body[index] == UInt8(ascii: "\t") {
            index += 1
        }
        if index < body.count, body[index] == Self.carriageReturn {
            index += 1
        }
        guard index < body.count, body[index] == Self.lineFeed else { return nil }
        return Delimiter(start: start, isClosing: false, nextLine: index + 1)
    }

    /// Returns where a part's content ends, because the line break before a delimiter belongs to the
    /// delimiter.
    private func contentEnd(before delimiterStart: Int, contentStart: Int) -> Int {
        guard delimiterStart > contentStart else { return contentStart }
        var end = delimiterStart - 1
        if end > contentStart, body[end - 1] == Self.carriageReturn {
            end -= 1
        }
        return end
    }

    private func hasBytes(_ bytes: [UInt8], at start: Int) -> Bool {
        guard start >= 0, start + bytes.count <= body.count else { return false }
        return body[start..<(start + bytes.count)].elementsEqual(bytes)
    }

    private func firstIndex(of bytes: [UInt8], from start: Int) -> Int? {
        guard let first = bytes.first else { return nil }
        var index = start
        while let candidate = body[index...].firstIndex(of: first) {
            if hasBytes(bytes, at: candidate) {
                return candidate
            }
            index = candidate + 1
        }
        return nil
    }
}
