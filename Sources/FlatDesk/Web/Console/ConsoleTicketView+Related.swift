extension ConsoleTicketView {
    var followersPanel: HTML {
        let items = ticket.followers.map { email -> HTML in
            """
            <li data-follower="\(email)">\(ConsoleHTML.person(email, settings: settings)) \
            <span class="email">\(email)</span>
            <form class="inline-form" method="post" action="\(path)/followers">\(Layout.csrfField(viewer))\
            <input type="hidden" name="op" value="remove"><input type="hidden" name="email" value="\(email)">\
            <button type="submit" class="link-button" aria-label="Remove follower \(email)">Remove</button></form></li>
            """
        }
        let list: HTML = items.isEmpty ? "<p class=\"none\">No followers.</p>" : "<ul class=\"followers\">\(items)</ul>"
        // Suggest the staff and the requester's colleagues, not every customer of the helpdesk.
        let organization = ticket.organizationId
        let people = settings.people.filter { $0.role.isStaff || (organization != nil && $0.organizationId == organization) }
            .map { person -> HTML in "<option value=\"\(person.email)\">\(person.name)</option>" }
        return """
            <section id="followers" class="panel"><h2>Followers</h2>\(list)
            <form id="follower-form" method="post" action="\(path)/followers">\(Layout.csrfField(viewer))\
            <input type="hidden" name="op" value="add">
            <label for="follower-email">Add a follower</label>
            <div class="field-row"><input type="email" id="follower-email" name="email" list="known-people" required \
            placeholder="name@example.com"> <button type="submit" class="secondary">Add</button></div>
            <datalist id="known-people">\(people)</datalist>
            </form></section>
            """
    }

    var linksPanel: HTML {
        let items = ticket.links.map(linkItem)
        let list: HTML =
            items.isEmpty ? "<p class=\"none\">No linked records.</p>" : "<ul class=\"links\">\(items)</ul>"
        let kindChoices = LinkKind.allCases.map {
            ConsoleHTML.Choice(value: $0.rawValue, label: ConsoleHTML.words($0.rawValue))
        }
        let kinds = ConsoleHTML.options(kindChoices, selected: LinkKind.relatesTo.rawValue)
        return """
            <section id="links" class="panel"><h2>Linked records</h2>\(list)
            <form id="link-form" method="post" action="\(path)/links">\(Layout.csrfField(viewer))\
            <input type="hidden" name="op" value="add">
            <label for="link-kind">Add a link</label>
            <div class="field-row">\
            <select id="link-kind" name="kind">\(kinds)</select> \
            <input id="link-target" name="target" required placeholder="Ticket key or asset id" aria-label="Target"> \
            <button type="submit" class="secondary">Link</button></div>
            </form></section>
            """
    }

    private func linkItem(_ link: TicketLink) -> HTML {
        let target: HTML
        if link.kind == .asset {
            target = "<span class=\"asset\">\(link.target)</span>"
        } else if let other = linkedTickets[link.target]?.ticket {
            target = """
                <a href="/console/tickets/\(link.target)">\(link.target)</a> \
                <span class="subject">\(other.subject)</span> \
                <span class="status" data-status="\(other.status)">\(settings.statusName(other.status))</span>
                """
        } else {
            target =
                "<a href=\"/console/tickets/\(link.target)\">\(link.target)</a> <span class=\"none\">(not found)</span>"
        }
        return """
            <li data-link-kind="\(link.kind.rawValue)" data-link-target="\(link.target)">\
            <span class="link-kind">\(ConsoleHTML.words(link.kind.rawValue))</span> \(target)
            <form class="inline-form" method="post" action="\(path)/links">\(Layout.csrfField(viewer))\
            <input type="hidden" name="op" value="remove">\
            <input type="hidden" name="kind" value="\(link.kind.rawValue)">\
            <input type="hidden" name="target" value="\(link.target)">\
            <button type="submit" class="link-button" aria-label="Remove link to \(link.target)">Remove</button>\
            </form></li>
            """
    }

    var suggestionsPanel: HTML {
        let items = suggestions.map { article -> HTML in
            let category: HTML = article.category.map { " <span class=\"category\">\($0)</span>" } ?? .empty
            return """
                <li data-article="\(article.id)">\
                <a href="/console/kb/\(article.id)">\(article.title)</a>\(category)</li>
                """
        }
        let list: HTML = items.isEmpty ? "<p class=\"none\">No matching articles.</p>" : "<ul>\(items)</ul>"
        return "<section id=\"kb-suggestions\" class=\"panel\"><h2>Knowledge suggestions</h2>\(list)</section>"
    }
}
