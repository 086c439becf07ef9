import Foundation
import Synchronization

/// Full-text search over tickets and KB articles with SQLite FTS5, limited to what the reader may see.
///
/// Each ticket becomes two documents: its public text (subject, request, replies), tagged with
/// the people and organization allowed to read it, and its internal notes, tagged for staff only.
/// So a customer's search can never match or show an internal note. The index lives in memory:
/// it is filled in the background at start-up and then follows every index change.
public final class SearchService: Sendable {
    private let helpdesk: Helpdesk
    private let index: FullTextIndex
    private let ready = Atomic<Bool>(false)

    public init(helpdesk: Helpdesk) throws {
        self.helpdesk = helpdesk
        self.index = try FullTextIndex()
        helpdesk.observe { [weak self] event in
            guard let self, case .indexChanged(let changes) = event, self.isReady else { return }
            self.apply(changes)
        }
    }

    /// Whether the start-up fill has finished; until then searches return what is indexed so far.
    public var isReady: Bool { ready.load(ordering: .acquiring) }

    /// Indexes every ticket and article; call once, typically on a background thread.
    public func fill() throws {
        var batch: [SearchDocument] = []
        for indexed in helpdesk.index.allTickets() {
            batch += try documents(forTicket: indexed.id)
            if batch.count >= 2000 {
                try index.upsert(contentsOf: batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try index.upsert(contentsOf: batch + articleDocuments())
        ready.store(true, ordering: .releasing)
    }

    /// Starts `fill()` on a thread of its own, logging the outcome.
    public func fillInBackground() {
        Thread.detachNewThread { [self] in
            let started = Date()
            do {
                try fill()
                let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
                helpdesk.logger.info("search index built", ["search.documents": "\((try? index.count()) ?? 0)", "duration_s": seconds])
            } catch {
                helpdesk.logger.error("building the search index failed", ["error": "\(error)"])
            }
        }
    }

    /// Searches what `viewer` may read; nil viewer means an anonymous reader (public articles only).
    public func search(_ query: String, viewer: Viewer?, kind: SearchDocumentKind? = nil, limit: Int = 30) throws
        -> [SearchHit]
    {
        let hits = try index.search(query, kind: kind, audiences: audiences(for: viewer), limit: min(max(limit, 1), 200) * 2)
        var seen = Set<String>()
        return hits.compactMap { hit -> SearchHit? in
            let key = Self.resultKey(hit.id)
            guard seen.insert(key).inserted else { return nil }
            return SearchHit(id: key, kind: hit.kind, title: hit.title, snippet: hit.snippet, rank: hit.rank)
        }.prefix(limit).map { $0 }
    }

    /// Audience tags a viewer's search may match.
    func audiences(for viewer: Viewer?) -> [String] {
        guard let viewer else { return ["public"] }
        if viewer.isStaff { return ["staff"] }
        var tags = ["public", "customers", "person:" + viewer.email]
        if let organization = viewer.person.organizationId {
            tags.append("org:" + organization)
            if helpdesk.settings.profile.portal.organizationTickets { tags.append("ticket-org:" + organization) }
        }
        return tags
    }

    private func apply(_ changes: IndexChanges) {
        do {
            var current: [SearchDocument] = []
            var removed: [String] = []
            for id in changes.tickets {
                let documents = helpdesk.index.ticket(id) == nil ? [] : try documents(forTicket: id)
                let currentIDs = Set(documents.map(\.id))
                current += documents
                removed += ["ticket:\(id):public", "ticket:\(id):internal"].filter { !currentIDs.contains($0) }
            }
            try index.replace(current, removing: removed)
            if changes.knowledgeBaseChanged || changes.rebuilt {
                for article in try helpdesk.knowledgeBase.allArticles() { _ = try index.delete(id: "kb:" + article.id) }
                try index.upsert(contentsOf: try articleDocuments())
            }
        } catch {
            helpdesk.logger.error("updating the search index failed", ["error": "\(error)", "tickets": "\(changes.tickets.count)"])
        }
    }

    private func documents(forTicket id: String) throws -> [SearchDocument] {
        guard let ticket = try? helpdesk.ticket(id).ticket else { return [] }
        var audience = ["staff", "person:" + ticket.requester.lowercased()] + ticket.followers.map { "person:" + $0.lowercased() }
        if let organization = ticket.organizationId { audience.append("ticket-org:" + organization) }
        let title = "\(ticket.id) \(ticket.subject)"
        let publicText = ticket.entries.filter { $0.kind.isPublic }.map(\.text).joined(separator: "\n\n")
        var documents = [SearchDocument(id: "ticket:\(id):public", kind: .ticket, title: title, body: publicText, audience: audience)]
        let internalText = ticket.entries.filter { !$0.kind.isPublic }.map(\.text).joined(separator: "\n\n")
        if !internalText.isEmpty {
            documents.append(SearchDocument(id: "ticket:\(id):internal", kind: .ticket, title: title, body: internalText, audience: ["staff"]))
        }
        return documents
    }

    private func articleDocuments() throws -> [SearchDocument] {
        try helpdesk.knowledgeBase.allArticles().map { article in
            SearchDocument(id: "kb:" + article.id, kind: .kb, title: article.title, body: article.body, audience: Self.audience(of: article))
        }
    }

    static func audience(of article: KBArticle) -> [String] {
        guard article.status == .published else { return ["staff"] }
        switch article.visibility {
        case .public: return ["staff", "public", "customers"]
        case .internal: return ["staff"]
        case .customers: return article.organizations.isEmpty ? ["staff", "customers"] : ["staff"] + article.organizations.map { "org:" + $0 }
        }
    }

    /// `ticket:FD-1:public` and `ticket:FD-1:internal` both become `FD-1`; `kb:slug` becomes `slug`.
    static func resultKey(_ documentID: String) -> String {
        let parts = documentID.split(separator: ":")
        return parts.count >= 2 ? String(parts[1]) : documentID
    }
}
