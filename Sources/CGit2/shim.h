#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call; these wrappers pass fixed arguments. */

/* Reading an object no longer re-hashes it to check its id; git itself does not either. */
static inline int flatdesk_git_disable_strict_hash_verification(void) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}

/* Caches objects of `type` up to `size` bytes in libgit2's object cache (trees default to 4096 bytes). */
static inline int flatdesk_git_set_cache_object_limit(git_object_t type, size_t size) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, size);
}
