/// The teams, organizations and people of a synthetic helpdesk, and the settings files that list them.
struct SyntheticDirectory: Sendable {
    struct Member: Sendable {
        var email: String
        var name: String
        var team: String?
        var organization: String
    }

    struct TeamEntry: Sendable {
        var id: String
        var name: String
    }

    struct OrganizationEntry: Sendable {
        var id: String
        var name: String
        var mspClient: Bool
    }

    static let helpdeskDomain = "northwind.example"
    static let bot = "flatdesk@localhost"

    static let teams: [TeamEntry] = [
        TeamEntry(id: "tier1", name: "Service desk · Tier 1"), TeamEntry(id: "tier2", name: "Service desk · Tier 2"),
        TeamEntry(id: "network", name: "Network"), TeamEntry(id: "workplace", name: "Workplace & devices"),
        TeamEntry(id: "applications", name: "Business applications"),
        TeamEntry(id: "identity", name: "Identity & access"),
    ]

    static let organizations: [OrganizationEntry] = [
        OrganizationEntry(id: "northwind", name: "Northwind Traders", mspClient: false),
        OrganizationEntry(id: "contoso", name: "Contoso Dental", mspClient: true),
        OrganizationEntry(id: "fabrikam", name: "Fabrikam, Inc.", mspClient: true),
        OrganizationEntry(id: "adatum", name: "Adatum Corporation", mspClient: true),
        OrganizationEntry(id: "litware", name: "Litware, Inc.", mspClient: true),
        OrganizationEntry(id: "tailspin", name: "Tailspin Toys", mspClient: true),
        OrganizationEntry(id: "woodgrove", name: "Woodgrove Bank", mspClient: true),
        OrganizationEntry(id: "proseware", name: "Proseware, Inc.", mspClient: true),
    ]

    /// The ticket category each team mostly works on; unlisted categories go to tier 1 or 2.
    static let teamByCategory: [String: String] = [
        "Network": "network", "Hardware": "workplace", "Software": "applications", "Access": "identity",
        "Email": "tier2", "Other": "tier1",
    ]

    private(set) var agents: [Member] = []
    private(set) var customers: [Member] = []
    private(set) var agentsByTeam: [String: [Member]] = [:]
    private(set) var agentNames: [String: String] = [:]
    private(set) var customersByOrganization: [String: [Member]] = [:]

    /// Creates `agentCount` agents and `customerCount` customers with names drawn from `seed`.
    init(seed: UInt64, agentCount: Int = 36, customerCount: Int = 420) {
        var random = SplitMix64(seed: seed ^ 0x5EED_D1EC_7012_0001)
        var used = Set<String>()
        for index in 0..<agentCount {
            let team = SyntheticDirectory.teams[index % SyntheticDirectory.teams.count].id
            let member = makeMember(&random, used: &used, team: team, organization: "northwind")
            agents.append(member)
            agentNames[member.email] = member.name
            agentsByTeam[team, default: []].append(member)
        }
        let organizationWeights = SyntheticDirectory.organizations.enumerated().map {
            ($0.element.id, $0.offset == 0 ? 8 : 2)
        }
        for _ in 0..<customerCount {
            let organization = random.weighted(organizationWeights)
            let member = makeMember(&random, used: &used, team: nil, organization: organization)
            customers.append(member)
            customersByOrganization[organization, default: []].append(member)
        }
    }

    private func makeMember(_ random: inout SplitMix64, used: inout Set<String>, team: String?, organization: String)
        -> Member
    {
        while true {
            let (first, firstASCII) = random.pick(SyntheticWords.firstNames)
            let (last, lastASCII) = random.pick(SyntheticWords.lastNames)
            let email = "\(firstASCII).\(lastASCII)@\(organization).example"
            if used.insert(email).inserted {
                return Member(email: email, name: "\(first) \(last)", team: team, organization: organization)
            }
        }
    }

    /// `settings/teams.json`, `organizations.json` and `people.json` listing this directory.
    func settingsFiles() -> [(path: String, contents: [UInt8])] {
        let teams = SyntheticDirectory.teams.map { team -> JSONValue in
            .object([("id", .string(team.id)), ("name", .string(team.name))])
        }
        let organizations = SyntheticDirectory.organizations.map { organization -> JSONValue in
            .object([
                ("id", .string(organization.id)), ("name", .string(organization.name)),
                ("domains", .array([.string("\(organization.id).example")])),
                ("mspClient", .bool(organization.mspClient)),
            ])
        }
        let people =
            agents.enumerated().map { personValue($0.element, role: role(ofAgent: $0.offset)) }
            + customers.map { personValue($0, role: "customer") }
        return [
            ("settings/teams.json", SyntheticDirectory.listFile("teams", teams)),
            ("settings/organizations.json", SyntheticDirectory.listFile("organizations", organizations)),
            ("settings/people.json", SyntheticDirectory.listFile("people", people)),
        ]
    }

    /// The first agent is the admin and every twelfth one a supervisor.
    private func role(ofAgent index: Int) -> String {
        if index == 0 { return "admin" }
        return index % 12 == 1 ? "supervisor" : "agent"
    }

    private func personValue(_ member: Member, role: String) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("email", .string(member.email)), ("name", .string(member.name)), ("role", .string(role)),
        ]
        if let team = member.team { pairs.append(("team", .string(team))) }
        pairs.append(("organizationId", .string(member.organization)))
        return .object(pairs)
    }

    /// Writes a settings file with one list, one item per line.
    private static func listFile(_ key: String, _ items: [JSONValue]) -> [UInt8] {
        var text = "{\n  \"formatVersion\": 1,\n  \"\(key)\": [\n"
        for (index, item) in items.enumerated() {
            text += "    " + TicketJSON.encode(item) + (index == items.count - 1 ? "\n" : ",\n")
        }
        text += "  ]\n}\n"
        return Array(text.utf8)
    }
}
