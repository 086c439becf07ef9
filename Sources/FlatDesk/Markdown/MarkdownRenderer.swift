import CCmark
import Synchronization

/// Renders Markdown (ticket entries, KB articles) to HTML with cmark-gfm.
///
/// Rendering uses cmark's safe default mode: raw HTML blocks and inline tags become
/// `<!-- raw HTML omitted -->`, and links or images whose URL starts with `javascript:`, `vbscript:`,
/// `file:` or a non-image `data:` get an empty URL. The GitHub extensions `table`, `strikethrough`,
/// `autolink` and `tasklist` are enabled. Calls from several threads at once are safe.
public enum MarkdownRenderer {
    /// GitHub extensions attached to every parser, by their cmark-gfm registry names.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// cmark options for parsing and rendering: `CMARK_OPT_DEFAULT`, which keeps raw HTML and unsafe URLs out.
    static let options = CMARK_OPT_DEFAULT

    /// Serializes parsing. libcmark-gfm 0.29.0.gfm.6 keeps the table of special inline characters in
    /// process-wide globals that each parse fills from its extensions and clears again at the end
    /// (`cmark_inlines_add_special_character` takes no parser), so two concurrent parses can lose
    /// strikethrough or autolinks. Rendering a parsed tree touches no globals and runs outside the lock.
    static let parseLock = Mutex<Void>(())

    /// Converts Markdown to an HTML fragment.
    public static func html(_ markdown: String) -> String {
        let document = parseLock.withLock { _ in CmarkParser().parse(markdown) }
        return document.renderHTML()
    }
}
