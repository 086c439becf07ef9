import CGit2

/// A git object id (SHA-1), copied out of libgit2 as a Swift value.
public struct GitOID: Hashable, Sendable, CustomStringConvertible {
    let raw: git_oid

    init(_ raw: git_oid) {
        self.raw = raw
    }

    /// Parses 40 hex digits; returns nil for anything else.
    public init?(hex: String) {
        var oid = git_oid()
        guard hex.utf8.count == 40, git_oid_fromstr(&oid, hex) == 0 else { return nil }
        self.raw = oid
    }

    /// The 40 hex digits.
    public var hex: String {
        var buffer = [CChar](repeating: 0, count: 41)
        var copy = raw
        git_oid_tostr(&buffer, 41, &copy)
        return String(decoding: buffer.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public var description: String { hex }

    public static func == (lhs: GitOID, rhs: GitOID) -> Bool {
        var left = lhs.raw
        var right = rhs.raw
        return git_oid_equal(&left, &right) != 0
    }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: raw) { hasher.combine(bytes: $0) }
    }
}
