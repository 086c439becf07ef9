/// Converts an HTML mail body to readable plain text.
///
/// Paragraphs and block elements become line breaks, list items get `-` or number markers, links are
/// written as `text (url)`, block quotes get `> ` prefixes, character references are decoded and the
/// content of `head`, `script` and `style` is dropped.
public enum HTMLTextConverter {
    /// Returns the readable text of `html`.
    public static func text(fromHTML html: String) -> String {
        var tokenizer = HTMLTokenizer(html)
        var renderer = HTMLTextRenderer()
        while let token = tokenizer.next() {
            renderer.render(token)
        }
        return renderer.finish()
    }
}
