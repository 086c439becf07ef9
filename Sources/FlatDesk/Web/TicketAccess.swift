/// The rules for which tickets each viewer may see and change.
///
/// Staff see every ticket. A customer sees tickets they requested or follow, and their
/// organization's tickets when `settings/helpdesk.json` enables `portal.organizationTickets`.
/// Customers never see internal notes or events, by any route.
public struct TicketAccess: Sendable {
    public let settings: HelpdeskSettings

    public init(settings: HelpdeskSettings) {
        self.settings = settings
    }

    /// Returns whether `viewer` may see `ticket` at all.
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

    /// Returns whether `viewer` may change fields and add internal notes.
    public func canEdit(_ ticket: Ticket, viewer: Viewer) -> Bool {
        viewer.isStaff
    }

    /// Returns whether `viewer` may add a public reply.
    public func canReply(_ ticket: Ticket, viewer: Viewer) -> Bool {
        canView(ticket, viewer: viewer) && ticket.status != BuiltInStatus.closed.rawValue
    }

    /// Returns the index queries that limit results to what a customer may see.
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

    /// Returns the ticket as `viewer` may see it: internal notes and events removed for customers.
    public func visibleTicket(_ ticket: Ticket, viewer: Viewer) -> Ticket {
        guard !viewer.isStaff else { return ticket }
        var copy = ticket
        copy.entries = ticket.entries.filter { $0.kind.isPublic }
        return copy
    }
}
