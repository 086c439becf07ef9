import Foundation

/// A header value split into its leading token and `; name=value` parameters, as in
/// `Content-Disposition: form-data; name="file"; filename="a.txt"`.
struct HTTPHeaderParameters: Equatable {
    /// The value before the first `;`, trimmed and lowercased, such as `form-data`.
    var token: String
    /// Parameters by lowercased name; quoted values are unquoted and unescaped.
    var parameters: [String: String]

    /// Parses `value`, keeping the first occurrence of a repeated parameter name.
    init(parsing value: String) {
        let scalars = Array(value.unicodeScalars)
        let firstSemicolon = scalars.firstIndex(of: ";") ?? scalars.endIndex
        token = Self.trimmed(scalars[..<firstSemicolon]).lowercased()
        parameters = [:]
        var index = firstSemicolon
        while index < scalars.endIndex {
            index = parseParameter(scalars, from: scalars.index(after: index))
        }
    }

    /// Parses one `name=value` starting at `start` and returns the index of the `;` after it or the end.
    private mutating func parseParameter(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.endIndex, scalars[index] != "=", scalars[index] != ";" {
            index += 1
        }
        let name = Self.trimmed(scalars[start..<index]).lowercased()
        guard index < scalars.endIndex, scalars[index] == "=" else { return index }
        let (value, end) = Self.readValue(scalars, from: index + 1)
        if !name.isEmpty, parameters[name] == nil {
            parameters[name] = value
        }
        return end
    }

    /// Reads a token or quoted-string value and returns it with the index of the following `;` or the end.
    private static func readValue(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int) {
        var index = start
        while index < scalars.endIndex, scalars[index] == " " || scalars[index] == "\t" {
            index += 1
        }
        guard index < scalars.endIndex, scalars[index] == "\"" else {
            let end = scalars[index...].firstIndex(of: ";") ?? scalars.endIndex
            return (trimmed(scalars[index..<end]), end)
        }
        return readQuoted(scalars, from: index + 1)
    }

    /// Reads a quoted string whose opening quote precedes `start`, undoing backslash escapes.
    private static func readQuoted(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int) {
        var value = String.UnicodeScalarView()
        var index = start
        while index < scalars.endIndex, scalars[index] != "\"" {
            if scalars[index] == "\\", index + 1 < scalars.endIndex {
                index += 1
            }
            value.append(scalars[index])
            index += 1
        }
        let end = scalars[min(index, scalars.endIndex)...].firstIndex(of: ";") ?? scalars.endIndex
        return (String(value), end)
    }

    private static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view).trimmingCharacters(in: .whitespaces)
    }
}
