/// The CSS and JavaScript served from the binary under `/assets/`; no CDN and no build step.
enum WebAssets {
    static let all: StaticAssets = {
        var assets = StaticAssets()
        assets.add("/assets/app.css", contentType: "text/css; charset=utf-8", text: BaseStyles.css + ConsoleAssets.css + PortalAssets.css)
        assets.add("/assets/app.js", contentType: "text/javascript; charset=utf-8", text: ConsoleAssets.javaScript)
        return assets
    }()
}

/// Styles shared by every page.
enum BaseStyles {
    static let css = """
        :root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --accent: #1f5fbf; --bad: #b3261e; --ok: #1e7b34; --note: #fff7d6; --bg: #f6f7f9; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
        a { color: var(--accent); }
        header.top { display: flex; align-items: center; gap: 1.5rem; padding: .6rem 1.2rem; background: #fff; border-bottom: 1px solid var(--line); }
        header.top .brand { font-weight: 700; text-decoration: none; color: var(--ink); }
        header.top nav { display: flex; gap: 1rem; flex: 1; }
        header.top form.signout { display: flex; gap: .5rem; align-items: center; }
        main { padding: 1.2rem; max-width: 1200px; margin: 0 auto; }
        section.auth { max-width: 380px; margin: 3rem auto; background: #fff; padding: 1.5rem; border: 1px solid var(--line); border-radius: 8px; }
        label { display: block; margin: .6rem 0; }
        input, select, textarea, button { font: inherit; }
        input[type=email], input[type=password], input[type=text], input:not([type]), select, textarea { width: 100%; padding: .45rem; border: 1px solid var(--line); border-radius: 5px; background: #fff; }
        button { padding: .45rem .9rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 5px; cursor: pointer; }
        button.secondary { background: #fff; color: var(--accent); }
        .notice { padding: .6rem .8rem; border-radius: 5px; background: #e8f0fe; }
        .notice.error { background: #fdecea; color: var(--bad); }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        .error h1 { color: var(--bad); }

        """
}
