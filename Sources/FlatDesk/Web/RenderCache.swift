import Foundation
import Synchronization

/// The title and main content of a page, which depend on nothing in the request beyond its cache key.
struct RenderedPage: Sendable {
    var title: String
    var body: HTML
}

/// Rendered pages, reused while the helpdesk stays the same within one second.
///
/// A console page depends only on the index (one commit), the settings, the viewer and the current
/// second (for SLA countdowns and the "Breaching soon" queue). So a page cached under a key naming
/// those inputs is exact, not an approximation. The cache empties when the second, the commit or the
/// settings generation changes, and keeps at most `capacity` pages.
final class RenderCache: Sendable {
    /// The inputs that every page cached at one time shares.
    struct Generation: Equatable, Sendable {
        var second: Int64
        var commit: GitOID?
        var settings: Int
    }

    private struct Contents {
        var generation: Generation?
        var pages: [String: RenderedPage] = [:]
        var hits = 0
        var misses = 0
    }

    private let contents = Mutex(Contents())
    let capacity: Int
    let isEnabled: Bool

    init(capacity: Int = 2048, isEnabled: Bool = true) {
        self.capacity = capacity
        self.isEnabled = isEnabled
    }

    /// Returns the page cached under `key` in `generation`, or renders, caches and returns it.
    func page(_ key: String, in generation: Generation, render: () throws -> RenderedPage) rethrows -> RenderedPage {
        guard isEnabled else { return try render() }
        let cached: RenderedPage? = contents.withLock { contents in
            guard contents.generation == generation, let page = contents.pages[key] else {
                contents.misses += 1
                return nil
            }
            contents.hits += 1
            return page
        }
        if let cached { return cached }
        let fresh = try render()
        contents.withLock { contents in
            if contents.generation != generation {
                // A render that began in an earlier second must not evict the newer pages.
                if let current = contents.generation, current.second > generation.second { return }
                contents.generation = generation
                contents.pages.removeAll(keepingCapacity: true)
            }
            if contents.pages.count < capacity { contents.pages[key] = fresh }
        }
        return fresh
    }

    /// Pages served from the cache and rendered afresh since the start, for tests and diagnostics.
    var statistics: (hits: Int, misses: Int) {
        contents.withLock { ($0.hits, $0.misses) }
    }
}
