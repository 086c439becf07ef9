/// Who may see and change which tickets.
///
/// Staff see every ticket. A customer sees tickets they requested or follow, and their
/// organization's tickets when `settings/helpdesk.json` enables `portal.organizationTickets`.
/// Customers never see internal notes or events, by any route.
public struct TicketAccess: Sendable {
    public let settings: HelpdeskSettings

    public init(settings: HelpdeskSettings) {
        self.settings = settings
    }

    /// Whether `viewer` may see `ticket` at all.
    public func canView(_ ticket: Ticket, viewer: Viewer) -> Bool {
        if viewer.isStaff { return true }
        let email = viewer.email
        if ticket.requester.lowercased() == email || ticket.followers.contains(where: { $0.lowercased() == email }) {
            return true
        }
        guard settings.profile.portal.organizationTickets, let organization = viewer.person.organizationId else {
            return false
        }
        return ticket.organizationId == organization
    }

    /// Whether `viewer` may change fields and add internal notes.
    public func canEdit(_ ticket: Ticket, viewer: Viewer) -> Bool {
        viewer.isStaff
    }

    /// Whether `viewer` may add a public reply.
    public func canReply(_ ticket: Ticket, viewer: Viewer) -> Bool {
        canView(ticket, viewer: viewer) && ticket.status != BuiltInStatus.closed.rawValue
    }

    /// The index query that limits results to what a customer may see.
    public func restrict(_ query: TicketQuery, viewer: Viewer) -> [TicketQuery] {
        guard !viewer.isStaff else { return [query] }
        var mine = query
        mine.involving = viewer.email
        guard settings.profile.portal.organizationTickets, let organization = viewer.person.organizationId else {
            return [mine]
        }
        var organizationQuery = query
        organizationQuery.organizationId = organization
        return [mine, organizationQuery]
    }

    /// The ticket as `viewer` may see it: internal notes and events removed for customers.
    public func visibleTicket(_ ticket: Ticket, viewer: Viewer) -> Ticket {
        guard !viewer.isStaff else { return ticket }
        var copy = ticket
        copy.entries = ticket.entries.filter { $0.kind.isPublic }
        return copy
    }
}
