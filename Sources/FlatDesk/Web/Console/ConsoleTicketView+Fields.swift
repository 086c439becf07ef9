extension ConsoleTicketView {
    /// The fields an agent can change one at a time from the ticket page, in display order.
    static let editableFields = ["status", "priority", "type", "category", "team", "assignee"]

    /// One small form per field: a select, the page's version and a submit button that the script hides.
    var fieldForms: HTML {
        let forms = Self.editableFields.map { field in
            fieldForm(field, label: Self.fieldLabel(field), choices: choices(for: field), selected: currentValue(field))
        }
        return "<section id=\"fields\" class=\"panel fields\"><h2>Fields</h2>\(forms)</section>"
    }

    static func fieldLabel(_ field: String) -> String {
        field == "type" ? "Type" : ConsoleHTML.words(field)
    }

    /// Returns the value of `field` as its select submits it, or an empty string for an unset field.
    func currentValue(_ field: String) -> String {
        switch field {
        case "status": ticket.status
        case "priority": ticket.priority.rawValue
        case "type": ticket.ticketType.rawValue
        case "category": ticket.category ?? ""
        case "team": ticket.team ?? ""
        case "assignee": ticket.assignee ?? ""
        default: ""
        }
    }

    private func fieldForm(_ field: String, label: String, choices: [ConsoleHTML.Choice], selected: String) -> HTML {
        """
        <form class="field-form" method="post" action="\(path)/fields" data-field="\(field)">
        \(Layout.csrfField(viewer))<input type="hidden" name="field" value="\(field)">\
        <input type="hidden" name="version" value="\(version)">
        <label for="field-\(field)">\(label)</label>
        <div class="field-row">\
        <select id="field-\(field)" name="value" data-field="\(field)" data-current="\(selected)">\
        \(ConsoleHTML.options(choices, selected: selected))</select> \
        <button type="submit" class="secondary save">Save</button></div>
        </form>
        """
    }

    /// Returns the choices of a field from the settings, keeping a current value that the settings no longer list.
    private func choices(for field: String) -> [ConsoleHTML.Choice] {
        let none = ConsoleHTML.Choice(value: "", label: field == "assignee" ? "Unassigned" : "None")
        var list: [ConsoleHTML.Choice]
        switch field {
        case "status":
            // The system manages the intake statuses; a ticket in one still shows it as the current value.
            list = settings.allStatuses.filter { !BuiltInStatus.intakeStatuses.contains($0) }
                .map { .init(value: $0, label: settings.statusName($0)) }
        case "priority": list = ConsoleHTML.priorityChoices()
        case "type": list = ConsoleHTML.typeChoices()
        case "category": list = [none] + settings.categories.map { .init(value: $0, label: $0) }
        case "team": list = [none] + settings.teams.map { .init(value: $0.id, label: $0.name) }
        default: list = [none] + Self.staffChoices(settings)
        }
        let current = currentValue(field)
        if !list.contains(where: { $0.value == current }) {
            list.append(.init(value: current, label: field == "status" ? settings.statusName(current) : current))
        }
        return list
    }

    /// Returns the people on staff, by name, as assignee choices.
    static func staffChoices(_ settings: HelpdeskSettings) -> [ConsoleHTML.Choice] {
        settings.staffByName.map { ConsoleHTML.Choice(value: $0.email.lowercased(), label: $0.name) }
    }
}
