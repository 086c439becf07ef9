import Foundation

/// One rule from `settings/automations.json`: when `trigger` fires and every condition holds, run the actions.
public struct AutomationRule: Sendable, Equatable {
    public enum Trigger: String, Sendable, CaseIterable {
        case ticketCreated = "ticket.created"
        case ticketUpdated = "ticket.updated"
        case statusChanged = "status.changed"
        case replyReceived = "reply.received"
        case slaWarning = "sla.warning"
        case slaBreached = "sla.breached"
    }

    public struct Condition: Sendable, Equatable {
        public enum Operator: String, Sendable, CaseIterable {
            case equals
            case notEquals
            case `in`
            case contains
        }

        /// A ticket field (`priority`, `category`, …), `requester.role`, `organization.mspClient` or `organization.id`.
        public var field: String
        public var op: Operator
        public var value: JSONValue
    }

    public struct Action: Sendable, Equatable {
        /// `setField`, `assignTeam`, `assignAgent`, `addFollower`, `addNote`, `escalate`, `notify` or `callWebhook`.
        public var type: String
        public var parameters: [(key: String, value: JSONValue)]

        public static func == (lhs: Action, rhs: Action) -> Bool {
            lhs.type == rhs.type && JSONValue.object(lhs.parameters) == JSONValue.object(rhs.parameters)
        }

        func string(_ key: String) -> String? {
            parameters.first { $0.key == key }?.value.stringValue
        }
    }

    public var id: String
    public var name: String
    public var trigger: Trigger
    public var conditions: [Condition]
    public var actions: [Action]
    /// Skip the later rules of the same trigger once this one matched.
    public var stopProcessing: Bool
}

/// The known action types, for validation.
enum AutomationActionType: String, CaseIterable {
    case setField, assignTeam, assignAgent, addFollower, addNote, escalate, notify, callWebhook
}
