import Foundation
import Testing

@testable import FlatDesk

@Suite struct ServiceCatalogTests {
    /// Builds a catalog file with one item whose `fields` array is `fields`.
    static func catalog(fields: String, extra: String = "") -> [UInt8] {
        let text = """
            {"formatVersion": 1, "items": [
              {"id": "laptop", "name": "New laptop", "category": "Hardware", "team": "tier1"\(extra), "fields": [\(fields)]}
            ]}
            """
        return Array(text.utf8)
    }

    struct InvalidCase: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var message: String
        var validItems: Int
        var testDescription: String { name }
    }

    static let invalidCases: [InvalidCase] = [
        InvalidCase(
            name: "unknown field type", bytes: catalog(fields: #"{"id": "a", "label": "A", "type": "checkbox"}"#),
            message:
                "items[0] 'laptop' fields[0] 'a': unknown field type 'checkbox' (expected text, textarea, select or date)",
            validItems: 0),
        InvalidCase(
            name: "missing field id", bytes: catalog(fields: #"{"label": "A", "type": "text"}"#),
            message: "items[0] 'laptop' fields[0]: missing required field 'id'", validItems: 0),
        InvalidCase(
            name: "missing item id",
            bytes: Array(#"{"items": [{"name": "Nameless", "fields": []}]}"#.utf8),
            message: "items[0]: missing required field 'id'", validItems: 0),
        InvalidCase(
            name: "duplicate field ids",
            bytes: catalog(
                fields: #"{"id": "a", "label": "A", "type": "text"}, {"id": "a", "label": "B", "type": "date"}"#),
            message: "items[0] 'laptop' fields[1]: duplicate field id 'a' (each field of an item needs its own id)",
            validItems: 0),
        InvalidCase(
            name: "duplicate item ids",
            bytes: Array(#"{"items": [{"id": "x", "name": "X"}, {"id": "x", "name": "Y"}]}"#.utf8),
            message: "items[1]: duplicate item id 'x' (each item needs its own id)", validItems: 1),
        InvalidCase(
            name: "select without options", bytes: catalog(fields: #"{"id": "m", "label": "Model", "type": "select"}"#),
            message: "items[0] 'laptop' fields[0] 'm': a select field needs a non-empty 'options' array of strings",
            validItems: 0),
        InvalidCase(
            name: "select with empty options",
            bytes: catalog(fields: #"{"id": "m", "label": "Model", "type": "select", "options": []}"#),
            message: "items[0] 'laptop' fields[0] 'm': a select field needs a non-empty 'options' array of strings",
            validItems: 0),
        InvalidCase(
            name: "missing label", bytes: catalog(fields: #"{"id": "a", "type": "text"}"#),
            message: "items[0] 'laptop' fields[0] 'a': missing required field 'label'", validItems: 0),
        InvalidCase(
            name: "id with a space", bytes: catalog(fields: #"{"id": "needed by", "label": "A", "type": "date"}"#),
            message:
                "items[0] 'laptop' fields[0]: invalid id 'needed by' (expected 1 to 64 letters, digits, '-', '_' or '.')",
            validItems: 0),
        InvalidCase(
            name: "invalid priority", bytes: catalog(fields: "", extra: #", "priority": "asap""#),
            message: "items[0] 'laptop': invalid priority 'asap' (expected low, medium, high or urgent)", validItems: 0),
        InvalidCase(
            name: "required not a boolean",
            bytes: catalog(fields: #"{"id": "a", "label": "A", "type": "text", "required": "yes"}"#),
            message: "items[0] 'laptop' fields[0] 'a': invalid required \"yes\" (expected true or false)", validItems: 0
        ),
        InvalidCase(
            name: "unknown category",
            bytes: Array(#"{"items": [{"id": "laptop", "name": "New laptop", "category": "Catering"}]}"#.utf8),
            message: "items[0] 'laptop': unknown category 'Catering' (expected one of settings/categories.json)",
            validItems: 0),
        InvalidCase(
            name: "unknown team",
            bytes: Array(#"{"items": [{"id": "laptop", "name": "New laptop", "team": "kitchen"}]}"#.utf8),
            message: "items[0] 'laptop': unknown team 'kitchen' (expected one of settings/teams.json)", validItems: 0),
        InvalidCase(
            name: "unknown summary field", bytes: catalog(fields: "", extra: #", "summaryField": "nope""#),
            message: "items[0] 'laptop': invalid summaryField 'nope' (expected the id of one of the item's fields)",
            validItems: 0),
        InvalidCase(
            name: "items not an array", bytes: Array(#"{"items": {}}"#.utf8),
            message: "invalid items (expected an array of catalog items, found an object)", validItems: 0),
        InvalidCase(
            name: "items missing", bytes: Array(#"{"formatVersion": 1}"#.utf8),
            message: "missing required field 'items' (expected an array of catalog items)", validItems: 0),
        InvalidCase(
            name: "invalid JSON", bytes: Array(#"{"items": [}"#.utf8),
            message: "invalid JSON: unexpected character '}'", validItems: 0),
        InvalidCase(
            name: "newer format version", bytes: Array(#"{"formatVersion": 99, "items": []}"#.utf8),
            message: "formatVersion 99 is newer than this FlatDesk reads (1); upgrade FlatDesk", validItems: 0),
    ]

    @Test(arguments: invalidCases) func invalidCatalogIsReported(_ testCase: InvalidCase) {
        let (catalog, problems) = ServiceCatalog.parse(testCase.bytes, categories: ["Hardware"], teams: ["tier1"])
        let messages = problems.filter { $0.severity == .error }.map(\.message)
        #expect(messages.contains(testCase.message), "problems: \(messages)")
        #expect(catalog.items.count == testCase.validItems)
        #expect(problems.allSatisfy { $0.path == "settings/catalog.json" })
    }

    @Test func sampleCatalogIsValid() throws {
        let path = try TestSupport.sampleHelpdesk()
        let helpdesk = try Helpdesk(path: path)
        let (catalog, problems) = ServiceCatalog.load(helpdesk.settings)
        #expect(problems.isEmpty, "problems: \(problems)")
        #expect(
            catalog.items.map(\.id) == [
                "new-laptop", "software-install", "vpn-access", "shared-mailbox", "new-starter", "password-reset",
            ])
        let laptop = try #require(catalog.item("new-laptop"))
        #expect(laptop.category == "Hardware")
        #expect(laptop.team == "tier1")
        #expect(laptop.priority == .medium)
        #expect(laptop.fields.map(\.kind) == [.text, .select, .date, .textarea])
        #expect(laptop.fields[1].options.count == 3)
        #expect(laptop.fields[0].required)
        #expect(!laptop.fields[3].required)
        #expect(laptop.keyField?.id == "forUser")
    }

    @Test func validItemIsParsed() throws {
        let bytes = Self.catalog(
            fields:
                #"{"id": "when", "label": "When", "type": "date", "help": "Any weekday"}, {"id": "size", "label": "Size", "type": "select", "options": ["S", "M"], "required": true}"#,
            extra: #", "priority": "high", "summaryField": "when", "description": "  Laptops  ""#)
        let (catalog, problems) = ServiceCatalog.parse(bytes, categories: ["Hardware"], teams: ["tier1"])
        #expect(problems.isEmpty)
        let item = try #require(catalog.items.first)
        #expect(item.priority == .high)
        #expect(item.description == "Laptops")
        #expect(item.keyField?.id == "when")
        #expect(item.fields[0].help == "Any weekday")
        #expect(item.fields[1].options == ["S", "M"])
        #expect(item.fields[1].required)
    }

    @Test func optionsOnTextFieldAreAWarning() throws {
        let bytes = Self.catalog(fields: #"{"id": "a", "label": "A", "type": "text", "options": ["x"]}"#)
        let (catalog, problems) = ServiceCatalog.parse(bytes)
        #expect(catalog.items.count == 1)
        #expect(problems.map(\.severity) == [.warning])
        #expect(catalog.items.first?.fields.first?.options == [])
    }

    @Test func absentCatalogIsEmpty() throws {
        let (catalog, problems) = ServiceCatalog.load(HelpdeskSettings())
        #expect(catalog.items.isEmpty)
        #expect(problems.isEmpty)
    }

    @Test func invalidItemDoesNotHideValidOnes() throws {
        let text =
            #"{"items": [{"id": "a", "name": "A"}, {"id": "b", "name": "B", "fields": [{"id": "f", "type": "radio", "label": "F"}]}, {"id": "c", "name": "C"}]}"#
        let (catalog, problems) = ServiceCatalog.parse(Array(text.utf8))
        #expect(catalog.items.map(\.id) == ["a", "c"])
        #expect(problems.count == 1)
    }
}
