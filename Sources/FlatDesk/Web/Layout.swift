/// The page shell shared by the console and the portal.
enum Layout {
    /// Returns a complete HTML page. The viewer's CSRF token is in a meta tag for the JavaScript layer.
    static func page(title: String, viewer: Viewer?, body: HTML, helpdeskName: String = "FlatDesk") -> HTML {
        let csrf = viewer?.csrfToken ?? ""
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="csrf-token" content="\(csrf)">
            <title>\(title) · \(helpdeskName)</title>
            <link rel="stylesheet" href="/assets/app.css">
            <script src="/assets/app.js" defer></script>
            </head>
            <body class="\(viewer?.isStaff == true ? "console" : "portal")">
            \(navigation(viewer, helpdeskName: helpdeskName))
            <main id="main">
            \(body)
            </main>
            </body>
            </html>
            """
    }

    private static func navigation(_ viewer: Viewer?, helpdeskName: String) -> HTML {
        guard let viewer else {
            return """
                <header class="top"><a class="brand" href="/">\(helpdeskName)</a><nav><a href="/kb">Knowledge base</a><a href="/login">Sign in</a></nav></header>
                """
        }
        let links: HTML =
            viewer.isStaff
            ? """
            <a href="/console">Queues</a><a href="/console/new">New ticket</a><a href="/console/kb">Knowledge base</a><a href="#help-overlay" data-action="help" title="Keyboard shortcuts (?)">Help</a>
            """
            : """
            <a href="/portal">My requests</a><a href="/portal/new">New request</a><a href="/portal/catalog">Service catalog</a><a href="/kb">Knowledge base</a>
            """
        return """
            <header class="top"><a class="brand" href="/">\(helpdeskName)</a><nav>\(links)</nav>
            <form class="signout" method="post" action="/logout"><input type="hidden" name="_csrf" value="\(viewer.csrfToken ?? "")"><span class="who">\(viewer.person.name)</span> <button type="submit">Sign out</button></form></header>
            """
    }

    /// Returns a hidden form field carrying the viewer's CSRF token.
    static func csrfField(_ viewer: Viewer?) -> HTML {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(viewer?.csrfToken ?? "")\">"
    }

    static func statusTitle(_ status: Int) -> String {
        switch status {
        case 400: "Bad request"
        case 401: "Sign-in required"
        case 403: "Not allowed"
        case 404: "Not found"
        case 409: "Changed meanwhile"
        case 413: "Too large"
        case 422: "Invalid input"
        case 429: "Too many attempts"
        default: "Something went wrong"
        }
    }
}

extension WebApp {
    /// Returns a page with this helpdesk's name in the title and header.
    func page(_ title: String, _ request: HTTPRequest, _ body: HTML, status: Int = 200) -> HTTPResponse {
        let html = Layout.page(title: title, viewer: request.viewer, body: body, helpdeskName: helpdesk.settings.profile.name)
        var response = HTTPResponse.html(html.rendered, status: status)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// Reads the fields of a form post, urlencoded or multipart.
    func formFields(_ request: HTTPRequest) throws -> [String: String] {
        if request.mediaType == "multipart/form-data" {
            var fields: [String: String] = [:]
            for part in try request.multipartParts() where part.filename == nil {
                fields[part.name] = String(decoding: part.data, as: UTF8.self)
            }
            return fields
        }
        return try request.formFields().firstValues
    }
}
