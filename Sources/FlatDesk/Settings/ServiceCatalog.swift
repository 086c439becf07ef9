import Foundation

/// The service catalog from `settings/catalog.json`: the request forms customers fill in on the portal.
///
/// Each item becomes a `service_request` with the item's category, team and priority. An item with an
/// error is left out of the catalog, so the portal does not offer a form that cannot be submitted. The
/// problems are returned so that `flatdesk check` can print them.
public struct ServiceCatalog: Sendable, Equatable {
    /// One service a requester can order, with its form.
    public struct Item: Sendable, Equatable {
        public var id: String
        public var name: String
        public var description: String
        public var category: String?
        public var team: String?
        public var priority: Priority
        public var fields: [Field]
        /// The id of the field whose answer is added to the ticket subject, from the optional `summaryField` key.
        public var summaryField: String?

        /// Creates an item; `fields` are shown in order.
        public init(
            id: String, name: String, description: String = "", category: String? = nil, team: String? = nil,
            priority: Priority = .medium, fields: [Field] = [], summaryField: String? = nil
        ) {
            self.id = id
            self.name = name
            self.description = description
            self.category = category
            self.team = team
            self.priority = priority
            self.fields = fields
            self.summaryField = summaryField
        }

        /// The field whose answer summarizes a request: `summaryField`, else the first required text or select field.
        public var keyField: Field? {
            if let summaryField { return fields.first { $0.id == summaryField } }
            return fields.first { $0.required && ($0.kind == .text || $0.kind == .select) }
        }
    }

    /// One question of an item's form.
    public struct Field: Sendable, Equatable {
        /// The input control of a field.
        public enum Kind: String, CaseIterable, Sendable {
            case text
            case textarea
            case select
            /// A calendar date, submitted as `YYYY-MM-DD`.
            case date
        }

        /// The key of the answer in the ticket's `customFields`.
        public var id: String
        public var label: String
        public var kind: Kind
        public var required: Bool
        /// The choices of a `select` field; empty for other kinds.
        public var options: [String]
        /// An optional hint shown under the label.
        public var help: String?

        /// Creates a field.
        public init(
            id: String, label: String, kind: Kind, required: Bool = false, options: [String] = [], help: String? = nil
        ) {
            self.id = id
            self.label = label
            self.kind = kind
            self.required = required
            self.options = options
            self.help = help
        }
    }

    /// The path of the catalog inside the helpdesk repository.
    public static let path = "settings/catalog.json"

    /// The valid items, in file order.
    public var items: [Item]

    /// Creates a catalog from items that are already valid.
    public init(items: [Item] = []) {
        self.items = items
    }

    /// Returns the item with `id`, or nil.
    public func item(_ id: String) -> Item? {
        items.first { $0.id == id }
    }

    /// Reads the catalog from `settings.rawFiles["catalog.json"]`, checking categories and teams against `settings`.
    /// - Returns: the valid items (none when the file is absent) and every problem found.
    public static func load(_ settings: HelpdeskSettings) -> (catalog: ServiceCatalog, problems: [FileProblem]) {
        guard let bytes = settings.rawFiles["catalog.json"] else { return (ServiceCatalog(), []) }
        return parse(bytes, categories: settings.categories, teams: settings.teams.map(\.id))
    }

    /// Parses the bytes of `settings/catalog.json`.
    /// - Parameters:
    ///   - categories: the allowed ticket categories; an empty list allows any.
    ///   - teams: the allowed team ids; an empty list allows any.
    /// - Returns: the valid items and every problem found, errors and warnings.
    public static func parse(_ bytes: [UInt8], categories: [String] = [], teams: [String] = [])
        -> (catalog: ServiceCatalog, problems: [FileProblem])
    {
        var reader = JSONReader(bytes: bytes)
        let document: JSONValue
        do {
            document = try reader.readDocument()
        } catch {
            return (
                ServiceCatalog(), [FileProblem(path: path, line: error.line, message: "invalid JSON: \(error.message)")]
            )
        }
        var checker = ServiceCatalogChecker(categories: categories, teams: teams, itemsLine: reader.keyLines["items"])
        let items = checker.items(in: document, versionLine: reader.keyLines["formatVersion"])
        return (ServiceCatalog(items: items), checker.problems)
    }
}

/// Reads items and fields out of the parsed catalog document, collecting one problem per fault.
private struct ServiceCatalogChecker {
    let categories: [String]
    let teams: [String]
    /// The line of the top-level `items` key; item problems point there because nested keys have no line.
    let itemsLine: Int?
    var problems: [FileProblem] = []

    init(categories: [String], teams: [String], itemsLine: Int?) {
        self.categories = categories
        self.teams = teams
        self.itemsLine = itemsLine
    }

    mutating func items(in document: JSONValue, versionLine: Int?) -> [ServiceCatalog.Item] {
        guard document.objectValue != nil else {
            report(line: 1, "expected a JSON object with an 'items' array")
            return []
        }
        if let version = document["formatVersion"]?.intValue, version > FrontMatter.formatVersion {
            report(
                line: versionLine,
                "formatVersion \(version) is newer than this FlatDesk reads (\(FrontMatter.formatVersion)); upgrade FlatDesk"
            )
            return []
        }
        guard let itemsValue = document["items"], !itemsValue.isNull else {
            report(line: 1, "missing required field 'items' (expected an array of catalog items)")
            return []
        }
        guard let values = itemsValue.arrayValue else {
            report("invalid items (expected an array of catalog items, found \(itemsValue.typeName))")
            return []
        }
        var seen = Set<String>()
        var valid: [ServiceCatalog.Item] = []
        for (index, value) in values.enumerated() {
            let before = errorCount
            let item = self.item(value, index: index)
            if let item, !seen.insert(item.id).inserted {
                report("items[\(index)]: duplicate item id '\(item.id)' (each item needs its own id)")
            }
            if let item, errorCount == before { valid.append(item) }
        }
        return valid
    }

    private var errorCount: Int { problems.filter { $0.severity == .error }.count }

    private mutating func report(line: Int? = nil, severity: FileProblem.Severity = .error, _ message: String) {
        problems.append(
            FileProblem(path: ServiceCatalog.path, line: line ?? itemsLine, severity: severity, message: message))
    }

    private mutating func item(_ value: JSONValue, index: Int) -> ServiceCatalog.Item? {
        guard value.objectValue != nil else {
            report("items[\(index)]: expected an object, found \(value.typeName)")
            return nil
        }
        let id = identifier(value["id"], at: "items[\(index)]")
        let place = "items[\(index)]" + (id.map { " '\($0)'" } ?? "")
        let name = requiredText(value["name"], key: "name", at: place)
        var item = ServiceCatalog.Item(id: id ?? "", name: name ?? "")
        item.description = optionalText(value["description"], key: "description", at: place) ?? ""
        item.category = optionalText(value["category"], key: "category", at: place)
        item.team = optionalText(value["team"], key: "team", at: place)
        item.priority = priority(value["priority"], at: place)
        item.fields = fields(value["fields"], at: place)
        item.summaryField = optionalText(value["summaryField"], key: "summaryField", at: place)
        checkReferences(item, at: place)
        return id == nil || name == nil ? nil : item
    }

    private mutating func checkReferences(_ item: ServiceCatalog.Item, at place: String) {
        if let category = item.category, !categories.isEmpty, !categories.contains(category) {
            report("\(place): unknown category '\(category)' (expected one of settings/categories.json)")
        }
        if let team = item.team, !teams.isEmpty, !teams.contains(team) {
            report("\(place): unknown team '\(team)' (expected one of settings/teams.json)")
        }
        if let summary = item.summaryField, !item.fields.contains(where: { $0.id == summary }) {
            report("\(place): invalid summaryField '\(summary)' (expected the id of one of the item's fields)")
        }
    }

    private mutating func priority(_ value: JSONValue?, at place: String) -> Priority {
        guard let value, !value.isNull else { return .medium }
        guard let text = value.stringValue, let priority = Priority(rawValue: text) else {
            let expected = FieldDecoder.alternatives(Priority.allCases.map(\.rawValue))
            report("\(place): invalid priority \(FieldDecoder.quoted(value)) (expected \(expected))")
            return .medium
        }
        return priority
    }

    private mutating func fields(_ value: JSONValue?, at place: String) -> [ServiceCatalog.Field] {
        guard let value, !value.isNull else { return [] }
        guard let values = value.arrayValue else {
            report("\(place): invalid fields (expected an array of field objects, found \(value.typeName))")
            return []
        }
        var seen = Set<String>()
        var fields: [ServiceCatalog.Field] = []
        for (index, fieldValue) in values.enumerated() {
            guard let field = field(fieldValue, at: "\(place) fields[\(index)]") else { continue }
            if !seen.insert(field.id).inserted {
                report(
                    "\(place) fields[\(index)]: duplicate field id '\(field.id)' (each field of an item needs its own id)"
                )
            }
            fields.append(field)
        }
        return fields
    }

    private mutating func field(_ value: JSONValue, at position: String) -> ServiceCatalog.Field? {
        guard value.objectValue != nil else {
            report("\(position): expected an object, found \(value.typeName)")
            return nil
        }
        let id = identifier(value["id"], at: position)
        let place = position + (id.map { " '\($0)'" } ?? "")
        let label = requiredText(value["label"], key: "label", at: place)
        let kind = kind(value["type"], at: place)
        let required = flag(value["required"], key: "required", at: place)
        let options = options(value["options"], kind: kind, at: place)
        let help = optionalText(value["help"], key: "help", at: place)
        guard let id, let label, let kind else { return nil }
        return ServiceCatalog.Field(id: id, label: label, kind: kind, required: required, options: options, help: help)
    }

    private mutating func kind(_ value: JSONValue?, at place: String) -> ServiceCatalog.Field.Kind? {
        let expected = FieldDecoder.alternatives(ServiceCatalog.Field.Kind.allCases.map(\.rawValue))
        guard let value, !value.isNull else {
            report("\(place): missing required field 'type' (expected \(expected))")
            return nil
        }
        guard let text = value.stringValue, let kind = ServiceCatalog.Field.Kind(rawValue: text) else {
            report("\(place): unknown field type \(FieldDecoder.quoted(value)) (expected \(expected))")
            return nil
        }
        return kind
    }

    private mutating func options(_ value: JSONValue?, kind: ServiceCatalog.Field.Kind?, at place: String) -> [String] {
        let options = stringList(value, key: "options", at: place)
        if kind == .select, options.isEmpty {
            report("\(place): a select field needs a non-empty 'options' array of strings")
        } else if kind != .select, kind != nil, !options.isEmpty {
            report(severity: .warning, "\(place): 'options' is ignored because the field type is not select")
        }
        if Set(options).count != options.count {
            report("\(place): options are listed more than once (each option must be distinct)")
        }
        return kind == .select ? options : []
    }

    private mutating func stringList(_ value: JSONValue?, key: String, at place: String) -> [String] {
        guard let value, !value.isNull else { return [] }
        guard let values = value.arrayValue, values.allSatisfy({ !($0.stringValue ?? "").isEmpty }) else {
            report("\(place): invalid \(key) \(JSONWriter.string(value)) (expected an array of non-empty strings)")
            return []
        }
        return values.compactMap(\.stringValue)
    }

    /// Reads an item or field id: letters, digits, `-`, `_` and `.`, because ids go into URLs, form names and `customFields`.
    private mutating func identifier(_ value: JSONValue?, at place: String) -> String? {
        guard let value, !value.isNull else {
            report("\(place): missing required field 'id'")
            return nil
        }
        let allowed = { (character: Character) in
            character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
        }
        guard let text = value.stringValue, !text.isEmpty, text.count <= 64, text.allSatisfy(allowed) else {
            report(
                "\(place): invalid id \(FieldDecoder.quoted(value)) (expected 1 to 64 letters, digits, '-', '_' or '.')"
            )
            return nil
        }
        return text
    }

    private mutating func requiredText(_ value: JSONValue?, key: String, at place: String) -> String? {
        guard let value, !value.isNull else {
            report("\(place): missing required field '\(key)'")
            return nil
        }
        let text = value.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty else {
            report("\(place): invalid \(key) \(FieldDecoder.quoted(value)) (expected a non-empty string)")
            return nil
        }
        return text
    }

    /// Reads a trimmed string, or nil when absent, null, empty or not a string. A non-string value is reported.
    private mutating func optionalText(_ value: JSONValue?, key: String, at place: String) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.stringValue else {
            report("\(place): invalid \(key) \(JSONWriter.string(value)) (expected a string)")
            return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    private mutating func flag(_ value: JSONValue?, key: String, at place: String) -> Bool {
        guard let value, !value.isNull else { return false }
        guard let flag = value.boolValue else {
            report("\(place): invalid \(key) \(JSONWriter.string(value)) (expected true or false)")
            return false
        }
        return flag
    }
}
