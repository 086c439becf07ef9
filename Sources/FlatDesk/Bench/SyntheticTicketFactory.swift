import Foundation

/// Builds the tickets of a synthetic helpdesk. Each ticket comes from its own generator, seeded by
/// the helpdesk's seed and the ticket number, so tickets can be built in any order or in parallel.
struct SyntheticTicketFactory: Sendable {
    let directory: SyntheticDirectory
    let seed: UInt64
    let count: Int
    let keyPrefix: String
    /// Creation times spread evenly over two years starting here (2024-01-01T00:00:00Z).
    static let firstCreatedAt = 1_704_067_200
    static let spanSeconds = 730 * 86_400
    /// Tickets created in the last 8% of the span are the recent ones; most of the open tickets are among them.
    static let recentFraction = 0.92

    /// SLA targets in minutes per priority, as in the default `settings/sla.json`.
    static let slaMinutes: [Priority: (firstResponse: Int, resolution: Int)] = [
        .low: (1440, 7200), .medium: (480, 2880), .high: (120, 960), .urgent: (30, 240),
    ]

    /// Statuses in which a ticket still needs work, with their relative frequency.
    static let openStatuses: [(String, Int)] = [
        ("new", 20), ("open", 25), ("in_progress", 25), ("awaiting_customer", 15), ("escalated", 5),
        ("processing", 5), ("awaiting_vendor", 5),
    ]

    func id(_ number: Int) -> String { "\(keyPrefix)-\(number)" }

    /// Builds the ticket with `number`, from 1 to `count`.
    func ticket(number: Int) -> Ticket {
        var random = SplitMix64.forItem(number, seed: seed)
        let created = createdAt(number, &random)
        let category = random.weighted([
            ("Network", 18), ("Hardware", 20), ("Software", 25), ("Access", 20), ("Email", 12), ("Other", 5),
        ])
        let channel = random.weighted([(Channel.email, 55), (.portal, 30), (.console, 10), (.api, 5)])
        let requester = pickRequester(&random)
        var ticket = Ticket(
            id: id(number),
            ticketType: random.weighted([(.incident, 60), (.serviceRequest, 30), (.problem, 5), (.change, 5)]),
            status: pickStatus(number, &random),
            priority: random.weighted([(.low, 30), (.medium, 45), (.high, 20), (.urgent, 5)]),
            subject: SyntheticText.subject(category: category, &random), requester: requester.email, channel: channel,
            createdAt: created, requestText: "")
        ticket.category = category
        ticket.organizationId = requester.organization
        assignTeam(&ticket, &random)
        setDueTimes(&ticket)
        var thread = SyntheticThread(
            ticket: ticket, requesterName: requester.name, random: random, directory: directory)
        thread.build()
        ticket = thread.ticket
        random = thread.random
        addDecorations(&ticket, number: number, requester: requester, &random)
        // Fresh tickets keep their short threads, but wait as `open`: without triage jobs FlatDesk releases
        // tickets from the intake statuses at once (`IntakeRelease`).
        if BuiltInStatus.intakeStatuses.contains(ticket.status) { ticket.status = BuiltInStatus.open.rawValue }
        return ticket
    }

    /// Picks a time in the ticket's share of the two years, during office hours (07:00–18:00 UTC) for most tickets.
    private func createdAt(_ number: Int, _ random: inout SplitMix64) -> Date {
        let span = SyntheticTicketFactory.spanSeconds
        let step = span / max(count, 1)
        let offset = (number - 1) * span / max(count, 1) + random.int(0...max(step - 1, 0))
        let day = (SyntheticTicketFactory.firstCreatedAt + offset) / 86_400
        let secondOfDay = random.chance(0.85) ? random.int(7 * 3600...18 * 3600) : random.int(0...86_399)
        return Date(timeIntervalSince1970: TimeInterval(day * 86_400 + secondOfDay))
    }

    private func pickRequester(_ random: inout SplitMix64) -> SyntheticDirectory.Member {
        random.pick(directory.customers)
    }

    private func pickStatus(_ number: Int, _ random: inout SplitMix64) -> String {
        let age = Double(number - 1) / Double(max(count, 1))
        let recent = age >= SyntheticTicketFactory.recentFraction
        if random.chance(recent ? 0.55 : 0.025) { return random.weighted(SyntheticTicketFactory.openStatuses) }
        let resolvedShare = age >= 0.97 ? 50 : 4
        return random.weighted([("resolved", resolvedShare), ("closed", 100 - resolvedShare)])
    }

    private func assignTeam(_ ticket: inout Ticket, _ random: inout SplitMix64) {
        let specialist = ticket.category.flatMap { SyntheticDirectory.teamByCategory[$0] } ?? "tier1"
        let team = random.weighted([(specialist, 70), ("tier1", 20), ("tier2", 10)])
        ticket.team = team
        let unassigned = ticket.status == BuiltInStatus.new.rawValue && random.chance(0.6)
        if !unassigned, let agents = directory.agentsByTeam[team] { ticket.assignee = random.pick(agents).email }
    }

    private func setDueTimes(_ ticket: inout Ticket) {
        guard let minutes = SyntheticTicketFactory.slaMinutes[ticket.priority] else { return }
        ticket.firstResponseDueAt = ticket.createdAt.addingTimeInterval(TimeInterval(minutes.firstResponse * 60))
        ticket.resolutionDueAt = ticket.createdAt.addingTimeInterval(TimeInterval(minutes.resolution * 60))
    }

    /// Followers, tags, links, custom fields and satisfaction ratings, each on a share of the tickets.
    private func addDecorations(
        _ ticket: inout Ticket, number: Int, requester: SyntheticDirectory.Member, _ random: inout SplitMix64
    ) {
        if random.chance(0.1),
            let colleague = directory.customersByOrganization[requester.organization]?.randomElement(using: &random),
            colleague.email != requester.email
        {
            ticket.followers = [colleague.email]
        }
        ticket.tags = Array(
            Set((0..<random.weighted([(0, 50), (1, 35), (2, 15)])).map { _ in random.pick(SyntheticWords.tags) })
        ).sorted()
        ticket.links = links(number)
        if ticket.ticketType == .serviceRequest, random.chance(0.4) {
            ticket.customFields = ["costCenter": "CC-\(random.int(1000...1099))"]
        }
        if ticket.status == BuiltInStatus.closed.rawValue, random.chance(0.25), let resolved = ticket.resolvedAt {
            ticket.csat = SyntheticText.rating(after: resolved, &random)
        }
        ticket.slaBreached = breached(ticket)
    }

    /// Links every 50th ticket to the one before it, and that one back, so that both files agree.
    private func links(_ number: Int) -> [TicketLink] {
        if number % 50 == 0, number > 1 { return [TicketLink(kind: .relatesTo, target: id(number - 1))] }
        if number % 50 == 49, number < count { return [TicketLink(kind: .relatesTo, target: id(number + 1))] }
        return []
    }

    /// Whether a target was met late or is still unmet, as the SLA engine judges it (resolving meets the first
    /// response too). Every due time lies in the generated years, long before any clock that opens the helpdesk,
    /// so an unmet target has passed. Recording it here spares the SLA scheduler thousands of commits at start.
    private func breached(_ ticket: Ticket) -> Bool {
        guard let resolved = ticket.resolvedAt else {
            return ticket.resolutionDueAt != nil || (ticket.firstRespondedAt == nil && ticket.firstResponseDueAt != nil)
        }
        if let due = ticket.firstResponseDueAt, (ticket.firstRespondedAt ?? resolved) > due { return true }
        if let due = ticket.resolutionDueAt, resolved > due { return true }
        return false
    }
}
