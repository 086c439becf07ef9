import Foundation

/// Download links for the files stored with a thread entry, as the console and the portal show them.
enum AttachmentLinks {
    /// Renders a list of links to the entry's attachments and, when `includeOriginal`, to the original
    /// message. The result is empty when the entry has neither.
    static func html(for entry: TicketEntry, ticketID: String, includeOriginal: Bool) -> HTML {
        var items = names(of: entry).map { name -> HTML in
            "<li><a href=\"\(url(ticketID, name))\" download>\(shownName(name, entry: entry))</a></li>"
        }
        if includeOriginal, let original = entry.attribute("original") {
            items.append(
                "<li class=\"original\"><a href=\"\(url(ticketID, original))\" download>Original message</a></li>")
        }
        guard !items.isEmpty else { return .empty }
        return "<ul class=\"attachments\" aria-label=\"Attachments\">\(items)</ul>"
    }

    /// Returns the file names in the entry's `attachments` attribute, in written order.
    static func names(of entry: TicketEntry) -> [String] {
        (entry.attribute("attachments") ?? "").split(separator: ",").map(String.init).filter { !$0.isEmpty }
    }

    /// Returns the download path of `name`, with the name percent-encoded as one path segment.
    static func url(_ ticketID: String, _ name: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%;")
        return "/attachments/\(ticketID)/" + (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }

    /// Returns the name as the sender gave it, without the `E3-` prefix that keeps entries' files apart.
    static func shownName(_ name: String, entry: TicketEntry) -> String {
        let prefix = entry.id + "-"
        guard name.hasPrefix(prefix), name.count > prefix.count else { return name }
        return String(name.dropFirst(prefix.count))
    }
}
