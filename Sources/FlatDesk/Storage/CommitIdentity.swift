import CGit2
import Foundation

/// The person or automation a commit is attributed to.
public struct CommitIdentity: Equatable, Sendable {
    public var name: String
    public var email: String
    public var time: Date

    public init(name: String, email: String, time: Date = Date()) {
        self.name = name
        self.email = email
        self.time = time
    }

    /// A libgit2 signature the caller must free with `git_signature_free`.
    func signature() throws(GitError) -> UnsafeMutablePointer<git_signature>? {
        var signature: UnsafeMutablePointer<git_signature>?
        let seconds = git_time_t(time.timeIntervalSince1970.rounded(.down))
        let safeName = name.isEmpty ? email : name
        try Libgit2.check(git_signature_new(&signature, safeName, email, seconds, 0), "git_signature_new")
        return signature
    }
}
