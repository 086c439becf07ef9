import Foundation
import Testing

@testable import FlatDesk

@Suite struct RenderCacheTests {
    let commit = GitOID(hex: String(repeating: "a", count: 40))
    let laterCommit = GitOID(hex: String(repeating: "b", count: 40))
    // Both are valid hex, so neither is nil; a nil commit would still be a distinct generation.

    func generation(_ second: Int64, _ commit: GitOID?, settings: Int = 0) -> RenderCache.Generation {
        RenderCache.Generation(second: second, commit: commit, settings: settings)
    }

    /// Renders through `cache`, counting the renders in `renders`.
    func render(_ cache: RenderCache, _ key: String, _ generation: RenderCache.Generation, _ renders: inout Int)
        -> String
    {
        cache.page(key, in: generation) {
            renders += 1
            return RenderedPage(title: key, body: HTML(trusted: "render \(renders)"))
        }.body.rendered
    }

    @Test func reusesPageWithinGeneration() {
        let cache = RenderCache()
        var renders = 0
        let first = render(cache, "queue", generation(100, commit), &renders)
        let second = render(cache, "queue", generation(100, commit), &renders)
        #expect(first == "render 1")
        #expect(second == "render 1")
        #expect(render(cache, "ticket", generation(100, commit), &renders) == "render 2", "another key renders")
        #expect(cache.statistics.hits == 1)
        #expect(cache.statistics.misses == 2)
    }

    @Test func newGenerationRendersAgain() {
        let cache = RenderCache()
        var renders = 0
        _ = render(cache, "queue", generation(100, commit), &renders)
        #expect(render(cache, "queue", generation(101, commit), &renders) == "render 2")
        #expect(render(cache, "queue", generation(101, laterCommit), &renders) == "render 3")
        #expect(render(cache, "queue", generation(101, laterCommit, settings: 1), &renders) == "render 4")
        #expect(render(cache, "queue", generation(101, laterCommit, settings: 1), &renders) == "render 4")
    }

    @Test func lateRenderKeepsNewerPages() {
        let cache = RenderCache()
        var renders = 0
        _ = render(cache, "queue", generation(101, commit), &renders)
        #expect(render(cache, "queue", generation(100, commit), &renders) == "render 2")
        #expect(render(cache, "queue", generation(101, commit), &renders) == "render 1")
    }

    @Test func disabledCacheAlwaysRenders() {
        let cache = RenderCache(isEnabled: false)
        var renders = 0
        _ = render(cache, "queue", generation(100, commit), &renders)
        #expect(render(cache, "queue", generation(100, commit), &renders) == "render 2")
    }

    @Test func keepsAtMostCapacity() {
        let cache = RenderCache(capacity: 2)
        var renders = 0
        for key in ["a", "b", "c"] { _ = render(cache, key, generation(100, commit), &renders) }
        #expect(render(cache, "a", generation(100, commit), &renders) == "render 1")
        #expect(render(cache, "c", generation(100, commit), &renders) == "render 4", "the third page was not kept")
    }

    @Test func failedRenderIsNotCached() throws {
        let cache = RenderCache()
        struct Failure: Error {}
        #expect(throws: Failure.self) {
            _ = try cache.page("ticket", in: generation(100, commit)) { throw Failure() }
        }
        var renders = 0
        #expect(render(cache, "ticket", generation(100, commit), &renders) == "render 1")
    }
}
