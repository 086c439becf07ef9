import Foundation

extension HTTPMultipartParser {
    /// Reads a part's header lines up to the empty line and returns them with the index where content starts.
    func readHeaders(from start: Int, partIndex: Int) throws(HTTPServerError) -> ([HTTPHeaders.Field], Int) {
        var fields: [HTTPHeaders.Field] = []
        var index = start
        while true {
            // A delimiter before the empty line means the header block never ended.
            guard delimiter(at: index) == nil, let lineFeed = body[index...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw .multipartHeadersUnterminated(partIndex: partIndex)
            }
            var line = body[index..<lineFeed]
            if line.last == UInt8(ascii: "\r") {
                line = line.dropLast()
            }
            index = lineFeed + 1
            if line.isEmpty {
                return (fields, index)
            }
            appendHeaderLine(line, to: &fields)
        }
    }

    /// Adds one header line, joining a folded continuation line (leading space or tab) to the previous field.
    private func appendHeaderLine(_ line: ArraySlice<UInt8>, to fields: inout [HTTPHeaders.Field]) {
        let text = String(decoding: line, as: UTF8.self)
        if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t"), !fields.isEmpty {
            fields[fields.count - 1].value += " " + text.trimmingCharacters(in: .whitespaces)
            return
        }
        guard let colon = text.firstIndex(of: ":") else { return }
        let name = text[..<colon].trimmingCharacters(in: .whitespaces)
        let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        fields.append(HTTPHeaders.Field(name: name, value: value))
    }

    /// Builds a part from its headers, taking the name and file name from `Content-Disposition`.
    func makePart(
        _ fields: [HTTPHeaders.Field],
        _ data: [UInt8],
        partIndex: Int
    ) throws(HTTPServerError) -> HTTPMultipartPart {
        var headers = HTTPHeaders()
        for field in fields {
            headers.add(field.name, field.value)
        }
        let disposition = HTTPHeaderParameters(parsing: headers["Content-Disposition"] ?? "")
        guard let name = disposition.parameters["name"] else {
            throw .multipartPartWithoutName(partIndex: partIndex)
        }
        return HTTPMultipartPart(
            name: name,
            filename: Self.filename(from: disposition),
            contentType: headers["Content-Type"],
            headers: fields,
            data: data
        )
    }

    /// Returns the `filename*` parameter (RFC 8187 `charset'language'percent-encoded`) when present, else `filename`.
    private static func filename(from disposition: HTTPHeaderParameters) -> String? {
        guard let extended = disposition.parameters["filename*"] else {
            return disposition.parameters["filename"]
        }
        let pieces = extended.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else {
            return disposition.parameters["filename"] ?? extended
        }
        return HTTPPercentDecoding.decodeText(pieces[2], plusAsSpace: false)
    }
}
