import Foundation

extension Helpdesk {
    /// Adds a person to `settings/people.json` in one commit, keeping the rest of the file as it is.
    /// - Throws: `HelpdeskError.invalidValue` when the email is already listed.
    public func addPerson(_ person: Person, actor: Actor) throws {
        let time = now()
        try store.commit(author: identity(actor, at: time), committer: committer(at: time)) { snapshot in
            let path = "settings/people.json"
            let bytes = try snapshot.read(path) ?? Array("{\n  \"formatVersion\": 1,\n  \"people\": []\n}\n".utf8)
            var reader = JSONReader(bytes: bytes)
            guard case .object(var pairs) = try reader.readDocument() else {
                throw HelpdeskError.invalidSettings(problems: [FileProblem(path: path, line: 1, message: "expected a JSON object")])
            }
            var people = pairs.first { $0.key == "people" }?.value.arrayValue ?? []
            if people.contains(where: { $0["email"]?.stringValue?.lowercased() == person.email.lowercased() }) {
                throw HelpdeskError.invalidValue(field: "email", value: person.email, expected: "an email not yet in settings/people.json")
            }
            people.append(Self.personValue(person))
            pairs.removeAll { $0.key == "people" }
            pairs.append(("people", .array(people)))
            let text = SettingsJSONWriter.render(.object(pairs))
            return CommitPlan(message: "Add \(person.role.rawValue) \(person.email)", changes: [FileChange(path: path, contents: Array(text.utf8))])
        }
        try refresh()
    }

    static func personValue(_ person: Person) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("email", .string(person.email)), ("name", .string(person.name)), ("role", .string(person.role.rawValue)),
        ]
        if let team = person.team { pairs.append(("team", .string(team))) }
        if let organization = person.organizationId { pairs.append(("organizationId", .string(organization))) }
        return .object(pairs)
    }
}

/// Writes settings files: two-space indentation, one array item or object member per line, key order kept.
enum SettingsJSONWriter {
    static func render(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, into: &output)
        return output + "\n"
    }

    private static func write(_ value: JSONValue, indent: Int, into output: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch value {
        case .array(let items) where !items.isEmpty:
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += pad
                write(item, indent: indent + 1, into: &output)
                output += index < items.count - 1 ? ",\n" : "\n"
            }
            output += closing + "]"
        case .object(let pairs) where !pairs.isEmpty:
            output += "{\n"
            for (index, pair) in pairs.enumerated() {
                output += pad
                JSONWriter.writeString(pair.key, into: &output)
                output += ": "
                write(pair.value, indent: indent + 1, into: &output)
                output += index < pairs.count - 1 ? ",\n" : "\n"
            }
            output += closing + "}"
        default:
            JSONWriter.write(value, into: &output, sortKeys: false)
        }
    }
}
