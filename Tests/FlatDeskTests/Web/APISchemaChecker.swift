import Foundation

@testable import FlatDesk

/// Checks JSON values against the OpenAPI 3.0 schema keywords the API description uses: `$ref`, `type`,
/// `nullable`, `enum`, `required`, `properties`, `additionalProperties`, `items`, `pattern`, `minimum`
/// and `maximum`. Any other keyword fails the check, so the checker never passes a schema it cannot read.
struct APISchemaChecker {
    let document: JSONValue

    static let knownKeywords: Set<String> = [
        "$ref", "type", "nullable", "enum", "required", "properties", "additionalProperties", "items", "pattern",
        "minimum", "maximum", "format", "description",
    ]

    /// Returns the value that `reference`, such as `#/components/schemas/Ticket`, points to.
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: JSONValue? = document
        for part in reference.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    /// Lists every way `value` breaks `schema` as a `path: problem` line, so an empty list means it conforms.
    func problems(_ value: JSONValue, _ schema: JSONValue, at path: String = "$") -> [String] {
        if let reference = schema["$ref"]?.stringValue {
            guard let target = resolve(reference) else { return ["\(path): unresolved \(reference)"] }
            return problems(value, target, at: path)
        }
        let unknown = schema.memberNames.filter { !Self.knownKeywords.contains($0) }
        if !unknown.isEmpty { return ["\(path): schema keywords not checked: \(unknown)"] }
        if value == .null { return schema["nullable"]?.boolValue == true ? [] : ["\(path): null is not allowed"] }
        if let choices = schema["enum"]?.arrayValue, !choices.contains(value) {
            return ["\(path): \(value) is not one of \(choices)"]
        }
        switch schema["type"]?.stringValue {
        case "string": return stringProblems(value, schema, at: path)
        case "integer":
            guard let number = value.intValue else { return ["\(path): expected an integer, found \(value.typeName)"] }
            return rangeProblems(number, schema, at: path)
        case "boolean": return value.boolValue == nil ? ["\(path): expected a boolean, found \(value.typeName)"] : []
        case "array": return arrayProblems(value, schema, at: path)
        case "object": return objectProblems(value, schema, at: path)
        case let other: return ["\(path): unsupported schema type \(other ?? "none")"]
        }
    }

    private func stringProblems(_ value: JSONValue, _ schema: JSONValue, at path: String) -> [String] {
        guard let text = value.stringValue else { return ["\(path): expected a string, found \(value.typeName)"] }
        guard let pattern = schema["pattern"]?.stringValue else { return [] }
        return text.range(of: pattern, options: .regularExpression) == nil
            ? ["\(path): '\(text)' does not match \(pattern)"] : []
    }

    private func rangeProblems(_ number: Int, _ schema: JSONValue, at path: String) -> [String] {
        if let minimum = schema["minimum"]?.intValue, number < minimum { return ["\(path): \(number) < \(minimum)"] }
        if let maximum = schema["maximum"]?.intValue, number > maximum { return ["\(path): \(number) > \(maximum)"] }
        return []
    }

    private func arrayProblems(_ value: JSONValue, _ schema: JSONValue, at path: String) -> [String] {
        guard let items = value.arrayValue else { return ["\(path): expected an array, found \(value.typeName)"] }
        guard let itemSchema = schema["items"] else { return [] }
        return items.enumerated().flatMap { index, item in problems(item, itemSchema, at: "\(path)[\(index)]") }
    }

    private func objectProblems(_ value: JSONValue, _ schema: JSONValue, at path: String) -> [String] {
        guard let pairs = value.objectValue else { return ["\(path): expected an object, found \(value.typeName)"] }
        var found: [String] = []
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where value[name] == nil {
            found.append("\(path): missing required \(name)")
        }
        let properties = schema["properties"]
        for pair in pairs {
            if let propertySchema = properties?[pair.key] {
                found += problems(pair.value, propertySchema, at: "\(path).\(pair.key)")
            } else if let additional = schema["additionalProperties"] {
                if additional == .bool(false) { found.append("\(path): undocumented member \(pair.key)") }
                if additional.objectValue != nil {
                    found += problems(pair.value, additional, at: "\(path).\(pair.key)")
                }
            }
        }
        return found
    }
}
