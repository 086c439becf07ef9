import Foundation

extension WebApp {
    /// Media types served as such; every other file is `application/octet-stream`. SVG and HTML are left
    /// out because a browser runs their scripts.
    static let safeAttachmentTypes: [String: String] = [
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "pdf": "application/pdf", "txt": "text/plain; charset=utf-8",
    ]

    /// Registers `GET /attachments/:id/:name`, the download of files stored beside a ticket.
    func registerAttachments(on router: Router) {
        router.get("/attachments/:id/:name") { [self] request in try downloadAttachment(request) }
    }

    /// Serves a stored file to a viewer who may see it, always as a download.
    ///
    /// A customer gets only the attachments of public entries of a ticket they may view; the original
    /// message (`attribute original`) is for staff only. Anything else, including a name that no entry
    /// lists, is 404 so that existence is not revealed.
    func downloadAttachment(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let id = request.pathParameters["id"] ?? ""
        let name = request.pathParameters["name"] ?? ""
        guard Self.isTicketKey(id), Self.isAttachmentName(name) else { throw HTTPError.notFound }
        let (ticket, _) = try helpdesk.ticket(id)
        guard access.canView(ticket, viewer: viewer), Self.mayDownload(name, of: ticket, viewer: viewer) else {
            throw HTTPError.notFound
        }
        let ticketPath = helpdesk.index.ticket(id)?.path ?? Ticket.path(for: id)
        let path = InboundFilePlan.folder(ofTicketAt: ticketPath) + "/" + name
        guard let bytes = try helpdesk.store.read({ try $0.read(path) }) else { throw HTTPError.notFound }
        let pathExtension = (name as NSString).pathExtension.lowercased()
        var response = HTTPResponse(status: 200, body: bytes)
        response.headers.set("Content-Type", Self.safeAttachmentTypes[pathExtension] ?? "application/octet-stream")
        response.headers.set("Content-Disposition", Self.contentDisposition(name))
        response.headers.set("Cache-Control", "private, no-store")
        return response
    }

    /// Returns whether an entry lists `name` and the viewer may see that entry's files.
    static func mayDownload(_ name: String, of ticket: Ticket, viewer: Viewer) -> Bool {
        ticket.entries.contains { entry in
            let isOriginal = entry.attribute("original") == name
            let isAttachment = (entry.attribute("attachments") ?? "").split(separator: ",").contains { $0 == name }
            guard isOriginal || isAttachment else { return false }
            if viewer.isStaff { return true }
            return isAttachment && entry.kind.isPublic
        }
    }

    /// Returns whether `id` has the form of a ticket id, `PREFIX-<digits>`.
    static func isTicketKey(_ id: String) -> Bool {
        guard let dash = id.lastIndex(of: "-"), dash != id.startIndex else { return false }
        let prefix = id[..<dash]
        let digits = id[id.index(after: dash)...]
        return prefix.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) } && !digits.isEmpty
            && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Returns whether `name` is a single file name: no folders, no leading dot, no control characters.
    static func isAttachmentName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\") && !name.contains("..")
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback and the exact name (RFC 6266).
    static func contentDisposition(_ name: String) -> String {
        let fallback = String(
            name.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\" ? Character(scalar) : "_"
            })
        let unreserved = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~".utf8)
        let encoded = name.utf8.map {
            unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0)
        }
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded.joined())"
    }
}
