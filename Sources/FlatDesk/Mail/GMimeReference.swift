import CGMime

/// Owns one GObject reference to a GMime object (stream, parser, message) and releases it in `deinit`.
final class GMimeReference<Pointee> {
    let pointer: UnsafeMutablePointer<Pointee>

    /// Takes over a reference the caller owns, such as the result of a `_new` or `construct` function.
    init(owning pointer: UnsafeMutablePointer<Pointee>) {
        self.pointer = pointer
    }

    deinit {
        fd_g_object_unref(pointer)
    }
}
