import Foundation

/// Reads `settings/automations.json`, reporting each invalid rule as a file problem.
public enum AutomationRules {
    static let path = "settings/automations.json"

    /// The valid rules of the file and the problems of the others.
    public static func parse(_ bytes: [UInt8]) -> (rules: [AutomationRule], problems: [FileProblem]) {
        var reader = JSONReader(bytes: bytes)
        let document: JSONValue
        do {
            document = try reader.readDocument()
        } catch {
            return ([], [FileProblem(path: path, line: error.line, message: "invalid JSON: \(error.message)")])
        }
        var rules: [AutomationRule] = []
        var problems: [FileProblem] = []
        for (index, item) in (document["rules"]?.arrayValue ?? []).enumerated() {
            do {
                rules.append(try rule(item))
            } catch let error as RuleError {
                problems.append(FileProblem(path: path, line: nil, message: "rules[\(index)]: \(error.message)"))
            } catch {}
        }
        return (rules, problems)
    }

    private struct RuleError: Error {
        var message: String
    }

    private static func rule(_ value: JSONValue) throws -> AutomationRule {
        guard let id = value["id"]?.stringValue else { throw RuleError(message: "missing required field 'id'") }
        let triggerText = value["trigger"]?.stringValue ?? ""
        guard let trigger = AutomationRule.Trigger(rawValue: triggerText) else {
            let triggers = AutomationRule.Trigger.allCases.map(\.rawValue).joined(separator: ", ")
            throw RuleError(message: "\(id): invalid trigger '\(triggerText)' (expected one of \(triggers))")
        }
        let conditions = try (value["conditions"]?.arrayValue ?? []).map { try condition($0, rule: id) }
        let actions = try (value["actions"]?.arrayValue ?? []).map { try action($0, rule: id) }
        return AutomationRule(
            id: id, name: value["name"]?.stringValue ?? id, trigger: trigger, conditions: conditions, actions: actions,
            stopProcessing: value["stopProcessing"]?.boolValue ?? false)
    }

    private static func condition(_ value: JSONValue, rule: String) throws -> AutomationRule.Condition {
        guard let field = value["field"]?.stringValue else { throw RuleError(message: "\(rule): condition without 'field'") }
        let opText = value["op"]?.stringValue ?? "equals"
        guard let op = AutomationRule.Condition.Operator(rawValue: opText) else {
            let operators = AutomationRule.Condition.Operator.allCases.map(\.rawValue).joined(separator: ", ")
            throw RuleError(message: "\(rule): invalid op '\(opText)' (expected one of \(operators))")
        }
        return AutomationRule.Condition(field: field, op: op, value: value["value"] ?? .null)
    }

    private static func action(_ value: JSONValue, rule: String) throws -> AutomationRule.Action {
        let type = value["type"]?.stringValue ?? ""
        guard AutomationActionType(rawValue: type) != nil else {
            let types = AutomationActionType.allCases.map(\.rawValue).joined(separator: ", ")
            throw RuleError(message: "\(rule): invalid action type '\(type)' (expected one of \(types))")
        }
        return AutomationRule.Action(type: type, parameters: (value.objectValue ?? []).filter { $0.key != "type" })
    }
}
