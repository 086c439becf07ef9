import Foundation

extension TicketIndex {
    /// Changes applied on top of a loaded cache beyond which the cache is saved again.
    static let cacheRefreshThreshold = 500

    /// Loads the index from the cache and brings it up to the head; returns nil when there is no
    /// usable cache. A cache that cannot be read, or whose commit is gone, is logged and ignored.
    func loadFromCache(statuses: Set<String>?) -> IndexState? {
        do {
            guard let head = try store.head(), let (commit, loaded) = try cache.load(statuses: statuses) else {
                return nil
            }
            var fresh = IndexState()
            fresh.commit = commit
            fresh.reserveCapacity(loaded.count)
            for result in loaded { fresh.apply(result) }
            fresh.sortBuckets()
            guard commit != head else { return fresh }
            let delta = try loadDelta(from: commit, to: head, statuses: statuses)
            _ = fresh.apply(delta)
            if delta.loaded.count + delta.deletedPaths.count > TicketIndex.cacheRefreshThreshold {
                saveCache(fresh, statuses: statuses)
            }
            return fresh
        } catch {
            logger.warning(
                "index cache not used; reading every ticket file", ["path": cache.path, "error": "\(error)"])
            return nil
        }
    }

    /// Writes the cache of `state` on a background thread; a failure is logged, since the cache is only a speed-up.
    func saveCache(_ state: IndexState, statuses: Set<String>?) {
        let cache = self.cache
        let logger = self.logger
        cacheWrites.enter()
        Thread.detachNewThread { [cacheWrites] in
            defer { cacheWrites.leave() }
            guard let bytes = TicketIndexCache.encode(state, statuses: statuses) else { return }
            do {
                try cache.write(bytes)
            } catch {
                logger.warning("could not save the index cache", ["path": cache.path, "error": "\(error)"])
            }
        }
    }

    /// Waits until background cache writes have finished, or `timeout` seconds have passed.
    func waitForCacheWrites(timeout: Double = 60) {
        _ = cacheWrites.wait(timeout: .now() + timeout)
    }
}
