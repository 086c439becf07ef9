/// The settings a new, empty helpdesk starts with.
enum DefaultSettings {
    /// The files of a new helpdesk, with its name and key prefix filled in.
    static func files(name: String, keyPrefix: String) -> [(path: String, contents: [UInt8])] {
        var nameJSON = ""
        JSONWriter.writeString(name, into: &nameJSON)
        var prefixJSON = ""
        JSONWriter.writeString(keyPrefix, into: &prefixJSON)
        let helpdesk = """
            {
              "formatVersion": 1,
              "name": \(nameJSON),
              "keyPrefix": \(prefixJSON),
              "supportAddress": null,
              "timeZone": "UTC",
              "bot": {"name": "FlatDesk", "email": "flatdesk@localhost"},
              "portal": {"allowSignup": false, "organizationTickets": false},
              "autoCloseResolvedAfterHours": 72
            }

            """
        return [
            ("settings/helpdesk.json", helpdesk),
            ("settings/statuses.json", statuses),
            ("settings/categories.json", categories),
            ("settings/teams.json", teams),
            ("settings/organizations.json", organizations),
            ("settings/people.json", people),
            ("settings/sla.json", sla),
        ].map { ($0.0, Array($0.1.utf8)) }
    }

    private static let statuses = """
        {
          "formatVersion": 1,
          "custom": [
            {"id": "awaiting_customer", "name": "Awaiting customer", "onHold": true},
            {"id": "awaiting_vendor", "name": "Awaiting vendor", "onHold": true}
          ]
        }

        """

    private static let categories = """
        {
          "formatVersion": 1,
          "ticketCategories": ["Network", "Hardware", "Software", "Access", "Email", "Other"]
        }

        """

    private static let teams = """
        {
          "formatVersion": 1,
          "teams": [
            {"id": "tier1", "name": "Service desk · Tier 1"}
          ]
        }

        """

    private static let organizations = """
        {
          "formatVersion": 1,
          "organizations": []
        }

        """

    private static let people = """
        {
          "formatVersion": 1,
          "people": []
        }

        """

    private static let sla = """
        {
          "formatVersion": 1,
          "calendars": {},
          "policies": [
            {
              "id": "standard",
              "clock": "calendar",
              "targets": {
                "low": {"firstResponseMinutes": 1440, "resolutionMinutes": 7200},
                "medium": {"firstResponseMinutes": 480, "resolutionMinutes": 2880},
                "high": {"firstResponseMinutes": 120, "resolutionMinutes": 960},
                "urgent": {"firstResponseMinutes": 30, "resolutionMinutes": 240}
              }
            }
          ],
          "defaultPolicy": "standard",
          "overrides": [],
          "warningMinutesBeforeDue": 60,
          "breachingSoonMinutes": 240
        }

        """
}
