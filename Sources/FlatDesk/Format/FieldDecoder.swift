import Foundation

/// Reads typed fields out of a front-matter object, collecting one problem per bad field.
struct FieldDecoder {
    let path: String
    let fields: [(key: String, value: JSONValue)]
    let keyLines: [(key: String, line: Int)]
    private(set) var problems: [FileProblem] = []
    /// Where each known key is, set when the file starts with exactly the known keys in their order and
    /// repeats none of them later, as every file FlatDesk writes does.
    private let knownPositions: [String: Int]?
    private let knownCount: Int

    /// - Parameters:
    ///   - knownKeys: the keys of this kind of file in canonical order, and `positions` the index of each;
    ///     together they let a canonical file's fields be found without searching.
    init(path: String, frontMatter: FrontMatter, knownKeys: [String] = [], positions: [String: Int] = [:]) {
        self.path = path
        self.fields = frontMatter.fields
        self.keyLines = frontMatter.keyLines
        self.knownCount = knownKeys.count
        let canonical =
            !knownKeys.isEmpty && fields.count >= knownKeys.count
            && zip(fields, knownKeys).allSatisfy { $0.key == $1 }
            && !fields[knownKeys.count...].contains { positions[$0.key] != nil }
        self.knownPositions = canonical ? positions : nil
    }

    func value(_ key: String) -> JSONValue? {
        if let index = knownPositions?[key] { return fields[index].value }
        return fields.last { $0.key == key }?.value
    }

    /// The fields whose keys are not in `known`, in file order.
    func unknownFields(_ known: Set<String>) -> [(key: String, value: JSONValue)] {
        if knownPositions != nil { return Array(fields[knownCount...]) }
        return fields.filter { !known.contains($0.key) }
    }

    mutating func report(_ key: String, _ message: String) {
        let line = keyLines.last { $0.key == key }?.line
        problems.append(FileProblem(path: path, line: line ?? 1, message: message))
    }

    /// A required non-empty string.
    mutating func requiredString(_ key: String) -> String {
        guard let value = value(key), !value.isNull else {
            report(key, "missing required field '\(key)'")
            return ""
        }
        guard let text = value.stringValue, !text.isEmpty else {
            report(key, "invalid \(key) \(JSONWriter.string(value)) (expected a non-empty string)")
            return ""
        }
        return text
    }

    mutating func optionalString(_ key: String) -> String? {
        guard let value = value(key), !value.isNull else { return nil }
        guard let text = value.stringValue else {
            report(key, "invalid \(key) \(JSONWriter.string(value)) (expected a string or null)")
            return nil
        }
        return text.isEmpty ? nil : text
    }

    /// An enum field; `fallback` is used when the key is absent (nil means the field is required).
    mutating func enumValue<T: RawRepresentable & CaseIterable>(_ key: String, fallback: T?) -> T?
    where T.RawValue == String {
        guard let value = value(key), !value.isNull else {
            if fallback == nil { report(key, "missing required field '\(key)'") }
            return fallback
        }
        guard let text = value.stringValue, let parsed = T(rawValue: text) else {
            let expected = FieldDecoder.alternatives(T.allCases.map(\.rawValue))
            report(key, "invalid \(key) \(FieldDecoder.quoted(value)) (expected \(expected))")
            return fallback
        }
        return parsed
    }

    mutating func stringArray(_ key: String) -> [String] {
        guard let value = value(key), !value.isNull else { return [] }
        guard let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
            report(key, "invalid \(key) \(JSONWriter.string(value)) (expected an array of strings)")
            return []
        }
        return items.compactMap(\.stringValue)
    }

    mutating func requiredDate(_ key: String) -> Date? {
        guard let value = value(key), !value.isNull else {
            report(key, "missing required field '\(key)'")
            return nil
        }
        return optionalDate(key)
    }

    mutating func optionalDate(_ key: String) -> Date? {
        guard let value = value(key), !value.isNull else { return nil }
        guard let text = value.stringValue, let date = Timestamp.parse(text) else {
            report(key, "invalid \(key) \(JSONWriter.string(value)) (expected an ISO 8601 time such as 2026-11-30T08:12:00Z)")
            return nil
        }
        return date
    }

    mutating func bool(_ key: String) -> Bool {
        guard let value = value(key), !value.isNull else { return false }
        guard let flag = value.boolValue else {
            report(key, "invalid \(key) \(JSONWriter.string(value)) (expected true or false)")
            return false
        }
        return flag
    }

    mutating func nonNegativeInt(_ key: String) -> Int {
        guard let value = value(key), !value.isNull else { return 0 }
        guard let number = value.intValue, number >= 0 else {
            report(key, "invalid \(key) \(JSONWriter.string(value)) (expected a whole number ≥ 0)")
            return 0
        }
        return number
    }

    /// Joins choices as `a, b, c or d`.
    static func alternatives(_ choices: [String]) -> String {
        guard choices.count > 1 else { return choices.first ?? "" }
        return choices.dropLast().joined(separator: ", ") + " or " + (choices.last ?? "")
    }

    /// A value in an error message: strings in single quotes, anything else as JSON.
    static func quoted(_ value: JSONValue) -> String {
        value.stringValue.map { "'\($0)'" } ?? JSONWriter.string(value)
    }
}
