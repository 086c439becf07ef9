import Foundation

/// The JSON object sent as an API request body, with typed access to its members.
struct APIRequestBody {
    /// The object's members by name.
    let members: [String: JSONValue]

    /// Parses the body of `request` as a JSON object whose members are all named in `allowed`.
    /// - Throws: `APIRequestError` for another media type (415), an empty, malformed or non-object body (400)
    ///   or an unknown field (422).
    init(_ request: HTTPRequest, allowed: [String]) throws(APIRequestError) {
        guard request.mediaType == "application/json" else {
            throw .unsupportedMediaType(received: request.contentType)
        }
        guard !request.body.isEmpty else { throw .emptyBody }
        let value = try Self.parse(request.body)
        guard case .object(let pairs) = value else { throw .notAnObject(received: value.typeName) }
        for pair in pairs where !allowed.contains(pair.key) {
            throw .unknownField(name: pair.key, allowed: allowed)
        }
        members = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// Parses JSON text with Foundation's `JSONDecoder`; the syntax error message comes from `JSONSerialization`.
    static func parse(_ bytes: [UInt8]) throws(APIRequestError) -> JSONValue {
        do {
            return try JSONDecoder().decode(APIDecodedJSON.self, from: Data(bytes)).value
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw .malformedJSON(detail: syntaxError(in: bytes) ?? context.debugDescription)
        } catch let error as DecodingError {
            throw .malformedJSON(detail: unreadableValue(error))
        } catch {
            throw .malformedJSON(detail: "\(error)")
        }
    }

    private static func syntaxError(in bytes: [UInt8]) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            return nil
        } catch {
            return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        }
    }

    private static func unreadableValue(_ error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
            .dataCorrupted(let context):
            path = context.codingPath
        @unknown default:
            path = []
        }
        let location = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return "the value at '\(location)' cannot be read, for example a number out of range"
    }

    /// The string member `name`, or nil when absent.
    /// - Throws: `APIRequestError.invalidField` when present but not a string.
    func string(_ name: String) throws(APIRequestError) -> String? {
        guard let value = members[name] else { return nil }
        guard case .string(let text) = value else { throw Self.invalid(name, value, "a string") }
        return text
    }

    /// The string member `name`.
    /// - Throws: `APIRequestError.missingField` when absent, `.invalidField` when not a non-blank string.
    func requiredString(_ name: String) throws(APIRequestError) -> String {
        guard let text = try string(name) else { throw .missingField(name: name) }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalidField(name: name, value: text, expected: "a non-empty string")
        }
        return text
    }

    /// The string member `name` as the Markdown text of a thread entry.
    ///
    /// Entry text goes into the ticket file's Markdown body unescaped, and a file with a NUL byte cannot be
    /// read back, so NUL is rejected here.
    /// - Throws: `APIRequestError.missingField` when absent, `.invalidField` when blank or containing NUL.
    func markdownText(_ name: String) throws(APIRequestError) -> String {
        let text = try requiredString(name)
        guard !text.unicodeScalars.contains("\u{0}") else {
            throw .invalidField(name: name, value: "text with a NUL character", expected: "text without NUL characters")
        }
        return text
    }

    /// The member `name` as a field that may be cleared: nil when absent, `.some(nil)` for null or "".
    func clearableString(_ name: String) throws(APIRequestError) -> String?? {
        guard let value = members[name] else { return nil }
        switch value {
        case .null: return .some(nil)
        case .string(let text): return .some(text.isEmpty ? nil : text)
        default: throw Self.invalid(name, value, "a string or null")
        }
    }

    /// The member `name` as an email address, or nil when absent.
    /// - Throws: `APIRequestError.invalidField` unless it is a `local@domain` address that mail can be sent to.
    func email(_ name: String) throws(APIRequestError) -> String? {
        guard let text = try string(name) else { return nil }
        return try Self.checkedEmail(text, field: name)
    }

    /// The member `name` as an email address that may be cleared: nil when absent, `.some(nil)` for null or "".
    func clearableEmail(_ name: String) throws(APIRequestError) -> String?? {
        guard let value = try clearableString(name) else { return nil }
        guard let text = value else { return .some(nil) }
        return .some(try Self.checkedEmail(text, field: name))
    }

    /// The member `name` as an array of email addresses, or nil when absent.
    func emails(_ name: String) throws(APIRequestError) -> [String]? {
        guard let texts = try strings(name) else { return nil }
        var addresses: [String] = []
        for text in texts { addresses.append(try Self.checkedEmail(text, field: name)) }
        return addresses
    }

    private static func checkedEmail(_ text: String, field: String) throws(APIRequestError) -> String {
        let address = text.trimmingCharacters(in: .whitespaces)
        guard EmailAddressSyntax.isValid(address) else {
            throw invalid(field, .string(text), "an email address such as name@example.com")
        }
        return address.lowercased()
    }

    /// The member `name` as one of the raw values of `type`, or nil when absent.
    /// - Throws: `APIRequestError.invalidField` listing the accepted values.
    func choice<Value: RawRepresentable & CaseIterable>(_ name: String, _ type: Value.Type) throws(APIRequestError)
        -> Value? where Value.RawValue == String
    {
        guard let text = try string(name) else { return nil }
        guard let parsed = Value(rawValue: text) else {
            let choices = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidField(name: name, value: text, expected: "one of \(choices)")
        }
        return parsed
    }

    /// The array-of-strings member `name`, or nil when absent.
    /// - Throws: `APIRequestError.invalidField` for another type or an empty string in the array.
    func strings(_ name: String) throws(APIRequestError) -> [String]? {
        guard let value = members[name] else { return nil }
        guard case .array(let items) = value else { throw Self.invalid(name, value, "an array of strings") }
        var texts: [String] = []
        for item in items {
            guard case .string(let text) = item, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw Self.invalid(name, item, "an array of non-empty strings")
            }
            texts.append(text)
        }
        return texts
    }

    /// The member `name` as an object whose values are strings or null, sorted by key; nil when absent.
    func stringMap(_ name: String) throws(APIRequestError) -> [(key: String, value: String?)]? {
        guard let value = members[name] else { return nil }
        guard case .object(let pairs) = value else { throw Self.invalid(name, value, "an object of strings") }
        var entries: [(key: String, value: String?)] = []
        for pair in pairs.sorted(by: { $0.key < $1.key }) {
            switch pair.value {
            case .null: entries.append((pair.key, nil))
            case .string(let text): entries.append((pair.key, text))
            default: throw Self.invalid("\(name).\(pair.key)", pair.value, "a string or null")
            }
        }
        return entries
    }

    /// The array-of-objects member `name`, or nil when absent.
    func objects(_ name: String) throws(APIRequestError) -> [[(key: String, value: JSONValue)]]? {
        guard let value = members[name] else { return nil }
        guard case .array(let items) = value else { throw Self.invalid(name, value, "an array of objects") }
        var objects: [[(key: String, value: JSONValue)]] = []
        for item in items {
            guard case .object(let pairs) = item else { throw Self.invalid(name, item, "an array of objects") }
            objects.append(pairs)
        }
        return objects
    }

    /// An invalid-field error showing the value as compact JSON, shortened to 80 characters.
    static func invalid(_ name: String, _ value: JSONValue, _ expected: String) -> APIRequestError {
        let text = value.stringValue ?? TicketJSON.encode(value)
        let shown = text.count > 80 ? String(text.prefix(77)) + "…" : text
        return .invalidField(name: name, value: shown, expected: expected)
    }
}

/// Any JSON value decoded into a `JSONValue`; object members come out sorted by key.
private struct APIDecodedJSON: Decodable {
    let value: JSONValue

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: APIJSONKey.self) {
            var pairs: [(key: String, value: JSONValue)] = []
            for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                pairs.append((key.stringValue, try object.decode(APIDecodedJSON.self, forKey: key).value))
            }
            value = .object(pairs)
        } else if var list = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !list.isAtEnd { items.append(try list.decode(APIDecodedJSON.self).value) }
            value = .array(items)
        } else {
            value = try Self.scalar(decoder.singleValueContainer())
        }
    }

    private static func scalar(_ container: any SingleValueDecodingContainer) throws -> JSONValue {
        if container.decodeNil() { return .null }
        if let flag = try? container.decode(Bool.self) { return .bool(flag) }
        if let text = try? container.decode(String.self) { return .string(text) }
        let number = try container.decode(Double.self)
        if number == number.rounded(), abs(number) < 1e15 { return .number(String(Int(number))) }
        return .number(String(number))
    }
}

/// An object member name, for decoding objects whose keys are not known in advance.
private struct APIJSONKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
