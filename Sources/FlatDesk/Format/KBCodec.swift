import Foundation

/// Reads and writes KB article files (see docs/file-format.md).
public enum KBCodec {
    static let knownKeys = [
        "formatVersion", "id", "title", "status", "visibility", "organizations", "category", "tags", "author",
        "createdAt", "updatedAt",
    ]

    /// Parses an article file; the article id defaults to the file name without `.md`.
    public static func decode(_ bytes: [UInt8], path: String) throws(FileFormatError) -> KBArticle {
        let frontMatter = try FrontMatter.split(bytes, path: path)
        try frontMatter.checkVersion(path: path)
        var decoder = FieldDecoder(path: path, frontMatter: frontMatter)
        let fileName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let id = decoder.optionalString("id") ?? fileName
        let title = decoder.requiredString("title")
        let status = decoder.enumValue("status", fallback: KBArticle.Status.draft) ?? .draft
        let visibility = decoder.enumValue("visibility", fallback: KBArticle.Visibility.internal) ?? .internal
        let created = decoder.requiredDate("createdAt")
        var article = KBArticle(
            id: id, title: title, status: status, visibility: visibility,
            organizations: decoder.stringArray("organizations"), category: decoder.optionalString("category"),
            tags: decoder.stringArray("tags"), author: decoder.optionalString("author"),
            createdAt: created ?? Date(timeIntervalSince1970: 0), updatedAt: decoder.optionalDate("updatedAt"),
            body: String(decoding: frontMatter.body, as: UTF8.self))
        article.extraFields = frontMatter.fields.filter { !knownKeys.contains($0.key) }
            .map { Ticket.ExtraField(key: $0.key, value: $0.value) }
        guard decoder.problems.isEmpty else { throw FileFormatError(decoder.problems) }
        return article
    }

    /// Returns the canonical bytes of an article.
    public static func encode(_ article: KBArticle) -> [UInt8] {
        var writer = FrontMatterWriter()
        let optional: (String?) -> JSONValue = { $0.map(JSONValue.string) ?? .null }
        writer.field("formatVersion", .number(String(FrontMatter.formatVersion)))
        writer.field("id", .string(article.id))
        writer.field("title", .string(article.title))
        writer.field("status", .string(article.status.rawValue))
        writer.field("visibility", .string(article.visibility.rawValue))
        writer.field("organizations", .array(article.organizations.map(JSONValue.string)))
        writer.field("category", optional(article.category))
        writer.field("tags", .array(article.tags.map(JSONValue.string)))
        writer.field("author", optional(article.author))
        writer.field("createdAt", .string(Timestamp.format(article.createdAt)))
        writer.field("updatedAt", .string(Timestamp.format(article.updatedAt)))
        for extra in article.extraFields { writer.field(extra.key, extra.value) }
        return Array((writer.finished() + article.body).utf8)
    }
}
