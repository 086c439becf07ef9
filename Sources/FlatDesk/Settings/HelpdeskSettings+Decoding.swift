// Optional keys in settings files fall back to defaults; Swift's synthesized decoding would require them.

extension HelpdeskProfile {
    enum CodingKeys: String, CodingKey {
        case name, keyPrefix, supportAddress, publicURL, timeZone, bot, portal, autoCloseResolvedAfterHours
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? name
        keyPrefix = try container.decodeIfPresent(String.self, forKey: .keyPrefix) ?? keyPrefix
        supportAddress = try container.decodeIfPresent(String.self, forKey: .supportAddress)
        publicURL = try container.decodeIfPresent(String.self, forKey: .publicURL)
        timeZone = try container.decodeIfPresent(String.self, forKey: .timeZone) ?? timeZone
        bot = try container.decodeIfPresent(BotIdentity.self, forKey: .bot) ?? bot
        portal = try container.decodeIfPresent(PortalOptions.self, forKey: .portal) ?? portal
        autoCloseResolvedAfterHours = try container.decodeIfPresent(Int.self, forKey: .autoCloseResolvedAfterHours)
    }
}

extension HelpdeskProfile.BotIdentity {
    enum CodingKeys: String, CodingKey { case name, email }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? "FlatDesk"
        email = try container.decodeIfPresent(String.self, forKey: .email) ?? "flatdesk@localhost"
    }
}

extension HelpdeskProfile.PortalOptions {
    enum CodingKeys: String, CodingKey { case allowSignup, organizationTickets }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        allowSignup = try container.decodeIfPresent(Bool.self, forKey: .allowSignup) ?? false
        organizationTickets = try container.decodeIfPresent(Bool.self, forKey: .organizationTickets) ?? false
    }
}

extension StatusDefinition {
    enum CodingKeys: String, CodingKey { case id, name, onHold }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? id
        onHold = try container.decodeIfPresent(Bool.self, forKey: .onHold) ?? false
    }
}

extension Organization {
    enum CodingKeys: String, CodingKey { case id, name, domains, mspClient }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? id
        domains = try container.decodeIfPresent([String].self, forKey: .domains) ?? []
        mspClient = try container.decodeIfPresent(Bool.self, forKey: .mspClient) ?? false
    }
}
