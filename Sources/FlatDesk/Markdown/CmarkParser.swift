import CCmark

/// One `cmark_parser` with FlatDesk's extensions attached, freed in `deinit`.
final class CmarkParser {
    let handle: OpaquePointer

    /// Registers the core extensions on first use. `cmark_gfm_core_extensions_ensure_registered` checks a plain
    /// `static int`, so two threads calling it first could both register; a Swift `static let` runs it once.
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    init() {
        Self.registration
        guard let parser = cmark_parser_new(MarkdownRenderer.options) else {
            fatalError("cmark_parser_new returned NULL: out of memory")
        }
        handle = parser
        for name in MarkdownRenderer.extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                preconditionFailure("cmark-gfm has no extension \(name); install libcmark-gfm-extensions")
            }
            cmark_parser_attach_syntax_extension(handle, syntaxExtension)
        }
    }

    deinit {
        cmark_parser_free(handle)
    }

    /// Feeds the whole text and finishes the parse; the document keeps this parser alive for rendering.
    func parse(_ markdown: String) -> CmarkDocument {
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(handle, $0.baseAddress, $0.count) }
        }
        guard let root = cmark_parser_finish(handle) else {
            fatalError("cmark_parser_finish returned NULL: out of memory")
        }
        return CmarkDocument(root: root, parser: self)
    }
}

/// The node tree of one parsed document, freed in `deinit`.
final class CmarkDocument {
    let root: OpaquePointer
    /// The parser owns the extension list that the HTML renderer needs.
    let parser: CmarkParser

    init(root: OpaquePointer, parser: CmarkParser) {
        self.root = root
        self.parser = parser
    }

    deinit {
        cmark_node_free(root)
    }

    /// Renders the tree to HTML and frees cmark's buffer after copying it into a Swift string.
    func renderHTML() -> String {
        let extensions = cmark_parser_get_syntax_extensions(parser.handle)
        guard let rendered = cmark_render_html(root, MarkdownRenderer.options, extensions) else {
            fatalError("cmark_render_html returned NULL: out of memory")
        }
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        return String(cString: rendered)
    }
}
