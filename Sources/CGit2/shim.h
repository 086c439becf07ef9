#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call, so these wrappers pass fixed arguments. */

/* Stops libgit2 from hashing each object it reads again to check the object id. */
static inline int flatdesk_git_disable_strict_hash_verification(void) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}

/* Caches objects of `type` up to `size` bytes (libgit2's cache.c sets 4096 bytes for trees by default). */
static inline int flatdesk_git_set_cache_object_limit(git_object_t type, size_t size) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, size);
}
