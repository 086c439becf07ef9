/// A parsed route pattern such as `/tickets/:id` or `/assets/*file`.
///
/// `:name` matches one path segment; `*name`, allowed only as the last segment, matches the rest of the
/// path (zero or more segments, joined with `/`). Empty segments are ignored, so `/a//b/` matches `/a/b`.
struct HTTPRoutePattern: Sendable, Equatable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        case remainder(String)
    }

    let description: String
    let segments: [Segment]

    /// Parses `pattern`; a malformed pattern is a programming error and stops the process with its text.
    init(_ pattern: String) {
        precondition(pattern.hasPrefix("/"), "Route pattern '\(pattern)' must start with '/'.")
        let parts = pattern.split(separator: "/")
        var names = Set<String>()
        segments = parts.enumerated().map { index, part in
            let segment = Self.segment(part, isLast: index == parts.count - 1, pattern: pattern)
            if case .parameter(let name) = segment {
                precondition(names.insert(name).inserted, "Route pattern '\(pattern)' repeats ':\(name)'.")
            }
            return segment
        }
        description = pattern
    }

    /// Matches decoded path segments and returns the captured parameters, or nil when the path differs.
    func match(_ path: [Substring]) -> [String: String]? {
        var captured: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .remainder(let name):
                captured[name] = path[index...].joined(separator: "/")
                return captured
            case .parameter(let name):
                guard index < path.count else { return nil }
                captured[name] = String(path[index])
            case .literal(let text):
                guard index < path.count, path[index] == text else { return nil }
            }
        }
        return path.count == segments.count ? captured : nil
    }

    private static func segment(_ part: Substring, isLast: Bool, pattern: String) -> Segment {
        if part.hasPrefix(":") || part.hasPrefix("*") {
            let name = String(part.dropFirst())
            precondition(!name.isEmpty, "Route pattern '\(pattern)' has a parameter without a name.")
            if part.hasPrefix(":") {
                return .parameter(name)
            }
            precondition(isLast, "Route pattern '\(pattern)' has '*\(name)' before its last segment.")
            return .remainder(name)
        }
        return .literal(String(part))
    }
}
