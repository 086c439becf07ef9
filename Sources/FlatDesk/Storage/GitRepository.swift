import CGit2
import Foundation

/// One libgit2 repository handle. Not safe to share between threads: give each thread its own.
final class GitRepository {
    let pointer: OpaquePointer
    /// The `.git` folder (or the repository itself when bare), with a trailing slash.
    let gitDirectory: String
    /// The working tree with a trailing slash, or nil for a bare repository.
    let workingDirectory: String?
    /// Trees read through `cachedTree`, kept parsed for the next lookup.
    let trees = GitTreeCache()

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
        self.gitDirectory = String(cString: git_repository_path(pointer))
        self.workingDirectory = git_repository_workdir(pointer).map { String(cString: $0) }
    }

    deinit {
        git_repository_free(pointer)
    }

    /// Opens the repository at `path` (its working tree, its `.git` folder, or a bare repository).
    static func open(_ path: String) throws(GitError) -> GitRepository {
        Libgit2.ensureInitialized()
        var handle: OpaquePointer?
        let flags = GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue
        guard git_repository_open_ext(&handle, path, flags, nil) == 0, let handle else {
            throw GitError.notARepository(path: path)
        }
        return GitRepository(pointer: handle)
    }

    /// Creates a repository at `path` whose unborn branch is `branch`.
    static func create(_ path: String, bare: Bool, branch: String = "main") throws(GitError) -> GitRepository {
        Libgit2.ensureInitialized()
        var options = git_repository_init_options()
        try Libgit2.check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)), "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | (bare ? GIT_REPOSITORY_INIT_BARE.rawValue : 0)
        var handle: OpaquePointer?
        let result = branch.withCString { name in
            options.initial_head = name
            return git_repository_init_ext(&handle, path, &options)
        }
        try Libgit2.check(result, "git_repository_init_ext")
        guard let handle else { throw GitError.notARepository(path: path) }
        return GitRepository(pointer: handle)
    }

    var isBare: Bool { workingDirectory == nil }

    /// The full name of the branch HEAD points to, such as `refs/heads/main`.
    func headBranch() throws(GitError) -> String {
        var reference: OpaquePointer?
        try Libgit2.check(git_reference_lookup(&reference, pointer, "HEAD"), "git_reference_lookup")
        defer { git_reference_free(reference) }
        guard git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC, let target = git_reference_symbolic_target(reference)
        else { return "HEAD" }
        return String(cString: target)
    }

    /// The commit `name` points to, or nil when the reference does not exist yet.
    func resolve(_ name: String) throws(GitError) -> GitOID? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, pointer, name)
        if result == GitError.notFound { return nil }
        try Libgit2.check(result, "git_reference_name_to_id")
        return GitOID(oid)
    }

    /// Moves `name` from `expected` to `new`, failing with code `GitError.referenceModified` if it moved meanwhile.
    func compareAndSwap(_ name: String, from expected: GitOID?, to new: GitOID, message: String) throws(GitError) {
        var reference: OpaquePointer?
        var newID = new.raw
        let result: Int32
        if var current = expected?.raw {
            result = git_reference_create_matching(&reference, pointer, name, &newID, 1, &current, message)
        } else {
            result = git_reference_create(&reference, pointer, name, &newID, 0, message)
            if result == GIT_EEXISTS.rawValue {
                throw GitError.libgit2(function: "git_reference_create", code: GitError.referenceModified, message: "\(name) was created meanwhile")
            }
        }
        git_reference_free(reference)
        try Libgit2.check(result, "git_reference_create_matching")
    }
}
