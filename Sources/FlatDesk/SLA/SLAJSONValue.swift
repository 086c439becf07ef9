import Foundation

/// A parsed JSON value, so that settings can be checked key by key and every problem reported at once.
enum SLAJSONValue: Decodable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([SLAJSONValue])
    case object([String: SLAJSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SLAJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SLAJSONValue].self))
        }
    }

    /// The value as written in a message: strings quoted, containers by kind.
    var quoted: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .string(let value): "\"\(value)\""
        case .array(let items) where items.count <= 4: "[" + items.map(\.quoted).joined(separator: ", ") + "]"
        case .array(let items): "an array of \(items.count) values"
        case .object: "an object"
        }
    }

    /// Describes a value that failed a check: `invalid value "x"`, or `value missing` when absent.
    static func invalid(_ value: SLAJSONValue?) -> String {
        value.map { "invalid value \($0.quoted)" } ?? "value missing"
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var integerValue: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    var arrayValue: [SLAJSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    var objectValue: [String: SLAJSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }
}
