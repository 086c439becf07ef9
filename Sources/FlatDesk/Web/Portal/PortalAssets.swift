/// Styles of the customer portal and the knowledge base, appended to `/assets/app.css`.
///
/// The selectors are scoped to classes that only portal and knowledge base pages use, so staff who open
/// these pages get the same look, and console pages are not affected.
enum PortalAssets {
    static let css = """
        .portal-page, .kb-page { max-width: 860px; margin: 0 auto; }
        .portal-page h1, .kb-page h1 { font-size: 1.6rem; margin: .4rem 0 1rem; line-height: 1.25; }
        .portal-page h2, .kb-page h2 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; }
        .portal-page .lead, .kb-page .lead { color: var(--muted); margin-top: -.4rem; }
        .breadcrumb { color: var(--muted); font-size: .9rem; margin: 0 0 .4rem; }
        .page-head { display: flex; align-items: center; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
        .button-link { display: inline-block; padding: .45rem .9rem; border-radius: 5px; background: var(--accent); color: #fff; text-decoration: none; }
        .button-link:hover, .button-link:focus { filter: brightness(1.1); }
        .empty { color: var(--muted); background: #fff; border: 1px dashed var(--line); border-radius: 8px; padding: 1rem; text-align: center; }
        .list-note { color: var(--muted); font-size: .9rem; }
        .portal-section table.ticket-list { border: 1px solid var(--line); border-radius: 8px; overflow: hidden; border-collapse: separate; border-spacing: 0; }
        .ticket-list th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); background: #fafbfc; }
        .ticket-list tr:last-child td { border-bottom: 0; }
        .ticket-list tbody tr:hover { background: #f3f7fd; }
        .ticket-list .ticket-key { white-space: nowrap; font-variant-numeric: tabular-nums; }
        .ticket-list .ticket-subject a { color: var(--ink); font-weight: 500; text-decoration: none; }
        .ticket-list .ticket-subject a:hover { text-decoration: underline; }
        .requested-by { display: block; color: var(--muted); font-size: .85rem; }
        .ticket-list time { white-space: nowrap; color: var(--muted); font-size: .9rem; }
        .status-badge { display: inline-block; padding: .1rem .55rem; border-radius: 999px; font-size: .82rem; font-weight: 600; background: #e8f0fe; color: var(--accent); white-space: nowrap; }
        .status-new, .status-open { background: #e8f0fe; color: #1f5fbf; }
        .status-processing, .status-in_progress, .status-escalated, .status-scheduled { background: #fff4e0; color: #8a5300; }
        .status-awaiting_customer { background: #fde8f1; color: #9c1d5a; }
        .status-awaiting_vendor { background: #efeafd; color: #5a3fb0; }
        .status-resolved { background: #e5f5ea; color: var(--ok); }
        .status-closed { background: #eceef2; color: var(--muted); }
        .portal-help, .kb-more-help { margin-top: 2rem; padding: 1rem 1.2rem; background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 8px; }
        .portal-help h2 { margin-top: 0; }
        .ticket-head { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem; }
        .ticket-head .ticket-key { margin: 0; color: var(--muted); font-weight: 600; }
        .ticket-head h1 { margin: .2rem 0 .8rem; }
        .ticket-facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: .6rem 1rem; margin: 0; }
        .ticket-facts dt { font-size: .78rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
        .ticket-facts dd { margin: 0; }
        .thread { list-style: none; padding: 0; margin: 1.2rem 0; display: flex; flex-direction: column; gap: .9rem; }
        .thread ul.attachments { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
        .entry { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: .8rem 1.1rem; max-width: 92%; }
        .entry.from-requester { align-self: flex-end; background: #f2f7ff; border-color: #cddcf3; }
        .entry.from-staff { align-self: flex-start; }
        .entry-head { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; font-size: .9rem; color: var(--muted); border-bottom: 1px solid var(--line); padding-bottom: .4rem; margin-bottom: .4rem; }
        .entry-author { font-weight: 600; color: var(--ink); }
        .entry-kind { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; }
        .markdown { overflow-wrap: anywhere; }
        .markdown > :first-child { margin-top: 0; }
        .markdown > :last-child { margin-bottom: 0; }
        .markdown pre { background: #f1f3f6; padding: .7rem; border-radius: 6px; overflow-x: auto; }
        .markdown code { background: #f1f3f6; padding: 0 .25rem; border-radius: 4px; font-size: .92em; }
        .markdown pre code { padding: 0; background: none; }
        .markdown blockquote { margin: .6rem 0; padding-left: .9rem; border-left: 3px solid var(--line); color: var(--muted); }
        .markdown img { max-width: 100%; }
        .markdown table { width: auto; }
        .reply-box, .portal-form { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem; }
        .reply-box h2 { margin-top: 0; }
        .reply-box form { background: none; border: 0; padding: 0; }
        .reply-closed { margin-top: 1rem; }
        .form-field { margin: 0 0 1rem; }
        .form-field label { margin: 0 0 .25rem; font-weight: 600; }
        .required-marker { color: var(--bad); }
        .optional-marker { color: var(--muted); font-weight: 400; font-size: .9rem; }
        .field-help { margin: 0 0 .3rem; color: var(--muted); font-size: .9rem; }
        .field-error { margin: .3rem 0 0; color: var(--bad); font-weight: 600; font-size: .9rem; }
        .form-field.has-error input, .form-field.has-error select, .form-field.has-error textarea { border-color: var(--bad); background: #fffafa; }
        .form-errors { margin: 0 0 1rem; }
        .form-errors p { margin: 0 0 .3rem; font-weight: 600; }
        .form-errors ul { margin: 0; padding-left: 1.2rem; }
        input[type=date], input[type=search] { padding: .45rem; border: 1px solid var(--line); border-radius: 5px; background: #fff; }
        textarea { resize: vertical; }
        input:focus, select:focus, textarea:focus, button:focus, a:focus { outline: 2px solid #8fb3ec; outline-offset: 1px; }
        .catalog-list { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: .9rem; }
        .catalog-link { display: flex; flex-direction: column; gap: .35rem; height: 100%; padding: 1rem 1.1rem; background: #fff; border: 1px solid var(--line); border-radius: 10px; color: var(--ink); text-decoration: none; transition: border-color .15s, box-shadow .15s; }
        .catalog-link:hover, .catalog-link:focus { border-color: var(--accent); box-shadow: 0 2px 8px rgba(31, 95, 191, .12); }
        .catalog-name { font-weight: 600; color: var(--accent); font-size: 1.05rem; }
        .catalog-description { color: var(--muted); font-size: .92rem; }
        .catalog-other { color: var(--muted); }
        .kb-search { display: flex; gap: .5rem; margin: 0 0 1.2rem; }
        .kb-search input[type=search] { flex: 1; font-size: 1.05rem; padding: .6rem .8rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .result-count, .kb-all { color: var(--muted); }
        .kb-categories { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 1rem; }
        .kb-category { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: .2rem 1.1rem .8rem; }
        .kb-category h2 a { color: var(--ink); text-decoration: none; }
        .kb-list { list-style: none; padding: 0; margin: 0; }
        .kb-list li { padding: .35rem 0; border-top: 1px solid var(--line); }
        .kb-list li:first-child { border-top: 0; }
        .badge { display: inline-block; margin-left: .4rem; padding: 0 .45rem; border-radius: 4px; font-size: .75rem; background: #eceef2; color: var(--muted); vertical-align: middle; }
        .badge-draft { background: var(--note); color: #7a5b00; }
        .badge-internal { background: #fdecea; color: var(--bad); }
        .kb-article { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 1.2rem 1.6rem; }
        .kb-updated { color: var(--muted); font-size: .9rem; margin-top: -.6rem; }
        .kb-body { font-size: 1.02rem; line-height: 1.6; }
        .kb-body h2 { margin-top: 1.4rem; }
        .kb-tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; margin: 1.4rem 0 0; }
        .kb-tags a { display: inline-block; padding: .1rem .6rem; border-radius: 999px; background: #eef2f8; text-decoration: none; font-size: .85rem; }
        @media (max-width: 640px) {
          .entry { max-width: 100%; }
          .ticket-list th:nth-child(4), .ticket-list td:nth-child(4) { display: none; }
          .kb-article { padding: 1rem; }
        }

        """
}
