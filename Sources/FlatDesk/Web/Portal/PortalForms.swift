/// Form controls shared by the portal's request forms, each with its label, hint and error message.
///
/// A control with an error gets `aria-invalid` and points at its message with `aria-describedby`, so
/// screen readers read the message with the field.
enum PortalForms {
    /// One labelled control of a form.
    struct Control {
        /// The form field name the value is posted under.
        var name: String
        /// The element id, also the prefix of the hint and error ids.
        var id: String
        var label: String
        var value: String = ""
        var required = false
        var help: String?
        var error: String?
    }

    /// Renders a single-line input whose `type` is an HTML input type such as `text` or `date`.
    static func input(_ control: Control, type: String = "text", maxLength: Int? = nil) -> HTML {
        let limit: HTML = maxLength.map { " maxlength=\"\($0)\"" } ?? .empty
        let input: HTML = """
            <input type="\(type)" id="\(control.id)" name="\(control.name)" value="\(control.value)"\(limit)\(attributes(control))>
            """
        return wrap(control, input)
    }

    /// Renders a multi-line text area.
    static func textArea(_ control: Control, rows: Int = 6) -> HTML {
        let area: HTML = """
            <textarea id="\(control.id)" name="\(control.name)" rows="\(rows)"\(attributes(control))>\(control.value)</textarea>
            """
        return wrap(control, area)
    }

    /// Renders a drop-down list whose first entry is an empty "Choose…" choice.
    /// - Parameters:
    ///   - choices: the posted value and the visible text of each option.
    static func select(_ control: Control, choices: [(value: String, text: String)], blankText: String = "Choose…")
        -> HTML
    {
        var options: [HTML] = ["<option value=\"\">\(blankText)</option>"]
        for choice in choices {
            let selected: HTML = choice.value == control.value ? " selected" : ""
            options.append("<option value=\"\(choice.value)\"\(selected)>\(choice.text)</option>")
        }
        let select: HTML =
            "<select id=\"\(control.id)\" name=\"\(control.name)\"\(attributes(control))>\(options)</select>"
        return wrap(control, select)
    }

    /// Renders every error in one list at the top of a form, so that no message is missed on a long form.
    static func errorSummary(_ messages: [String]) -> HTML {
        guard !messages.isEmpty else { return .empty }
        let items = messages.map { message -> HTML in "<li>\(message)</li>" }
        return """
            <div class="notice error form-errors" role="alert"><p>Please correct the following and send the form again:</p><ul>\(items)</ul></div>
            """
    }

    private static func attributes(_ control: Control) -> HTML {
        var described: [String] = []
        if control.help != nil { described.append(control.id + "-help") }
        if control.error != nil { described.append(control.id + "-error") }
        let required: HTML = control.required ? " required" : ""
        let invalid: HTML = control.error != nil ? " aria-invalid=\"true\"" : ""
        let describedBy: HTML = described.isEmpty ? .empty : " aria-describedby=\"\(described.joined(separator: " "))\""
        return "\(required)\(invalid)\(describedBy)"
    }

    private static func wrap(_ control: Control, _ widget: HTML) -> HTML {
        let marker: HTML =
            control.required
            ? " <span class=\"required-marker\" title=\"required\">*</span>"
            : " <span class=\"optional-marker\">(optional)</span>"
        let help: HTML = control.help.map { "<p class=\"field-help\" id=\"\(control.id)-help\">\($0)</p>" } ?? .empty
        let error: HTML =
            control.error.map { "<p class=\"field-error\" id=\"\(control.id)-error\">\($0)</p>" } ?? .empty
        let invalid: HTML = control.error != nil ? " has-error" : ""
        return """
            <div class="form-field\(invalid)"><label for="\(control.id)">\(control.label)\(marker)</label>\(help)\(widget)\(error)</div>
            """
    }
}
