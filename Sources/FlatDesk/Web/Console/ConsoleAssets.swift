/// The console's styles and script, served in `/assets/app.css` and `/assets/app.js`.
///
/// Stable DOM hooks for scripts and browser tests:
/// - Every console page: `body.console` and the hidden help dialog `#help-overlay[role=dialog]`. Elements with
///   `data-action="help"` toggle the dialog, and `data-action="close-help"` closes it.
/// - Messages: `#flash[role=alert]`. Ticket and new-ticket pages always contain it (hidden when empty), and the
///   script adds it to other pages when it needs one.
/// - Queues: `nav.queues a[data-queue="NAME"][data-count]` (current one `.current`), `#queue[data-queue]`,
///   `form.queue-filters` with `#queue-filter` (text), `select[name=priority|type|sort]`, `input[name=desc]`;
///   `table.queue tr[data-ticket="FD-12"][data-href]` with cells `td.key a`, `td.subject`, `td.status[data-status]`,
///   `td.priority[data-priority]`, `td.assignee`, `.sla[data-sla=ok|soon|overdue|paused|breached|none]`;
///   `th[data-sort][aria-sort] a` sort links; `tr.selected` is the keyboard selection;
///   `nav.pager[data-page][data-pages] a[rel=prev|next]`.
/// - Ticket: `#ticket[data-ticket][data-version]`; header values `[data-field-display="status"]` and so on;
///   thread `ol.entries li.entry.request|.reply|.note|.event[data-entry][data-kind]` with `.entry-label`
///   (“Internal note” on notes) and `.from-staff|.from-requester|.from-other` for the author's side; `#entry-form[data-mode=reply|note]`, `#reply-text`, `#send-reply`, `#add-note`;
///   `form.field-form[data-field]` holding `select[data-field="priority"]` (`#field-priority`, with
///   `data-current`) and `input[name=version]`; `#followers li[data-follower]`, `#follower-form`;
///   `#links li[data-link-kind][data-link-target]`, `#link-form`; `#kb-suggestions li[data-article]`;
///   `#history-link`.
/// - History: `ol.history li[data-commit]` with `.commit-subject`. New ticket: `#new-ticket-form`.
///   Knowledge base: `table.kb-list tr[data-article]` (`.draft` rows carry `.badge.draft`), `article.kb-article`.
enum ConsoleAssets {
    static let css = """
        body.console main { max-width: none; padding: .8rem 1rem; }
        .console-layout { display: grid; grid-template-columns: 14rem minmax(0, 1fr); gap: 1rem; align-items: start; }
        .console-layout.ticket-layout { grid-template-columns: minmax(0, 1fr) 20rem; }
        nav.queues { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem 0; position: sticky; top: .5rem; }
        nav.queues h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 0 .8rem .3rem; }
        nav.queues ul { list-style: none; margin: 0; padding: 0; }
        nav.queues a { display: flex; justify-content: space-between; gap: .5rem; padding: .25rem .8rem; text-decoration: none; color: var(--ink); }
        nav.queues a:hover { background: var(--bg); }
        nav.queues a.current { background: #e8f0fe; color: var(--accent); font-weight: 600; }
        nav.queues .help-link { display: block; margin: .5rem .8rem 0; font-size: .85rem; }
        .count { display: inline-block; min-width: 1.6em; padding: 0 .4em; border-radius: 999px; background: var(--bg); color: var(--muted); font-size: .8rem; text-align: center; font-weight: 600; }
        h1 { font-size: 1.3rem; margin: .2rem 0 .6rem; }
        h2 { font-size: 1rem; margin: .2rem 0 .5rem; }
        form.queue-filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; margin-bottom: .6rem; }
        form.queue-filters label { margin: 0; font-size: .85rem; color: var(--muted); }
        form.queue-filters label.grow { flex: 1; min-width: 12rem; }
        form.queue-filters label.inline { display: flex; align-items: center; gap: .3rem; padding-bottom: .4rem; }
        form.queue-filters select { width: auto; }
        form.queue-filters .clear { padding-bottom: .45rem; font-size: .9rem; }
        table.queue { font-size: .9rem; border: 1px solid var(--line); }
        table.queue th { background: #fafbfc; font-size: .8rem; color: var(--muted); white-space: nowrap; }
        table.queue th a { color: inherit; text-decoration: none; }
        table.queue th[aria-sort=ascending] a::after { content: " ▲"; }
        table.queue th[aria-sort=descending] a::after { content: " ▼"; }
        table.queue td { padding: .3rem .5rem; }
        table.queue td.key { white-space: nowrap; font-weight: 600; }
        table.queue td.subject a { color: var(--ink); text-decoration: none; }
        table.queue td.subject a:hover { text-decoration: underline; }
        table.queue td.updated, table.queue td.sla-cell { white-space: nowrap; }
        table.queue tbody tr:hover { background: #f4f7fd; }
        table.queue tr.selected { background: #e8f0fe; outline: 2px solid var(--accent); outline-offset: -2px; }
        td.priority[data-priority=urgent] { color: var(--bad); font-weight: 700; }
        td.priority[data-priority=high] { color: #a05a00; font-weight: 600; }
        .sla { white-space: nowrap; font-size: .85rem; }
        .sla-overdue, .sla-breached { color: var(--bad); font-weight: 600; }
        .sla-soon { color: #9a6700; font-weight: 600; }
        .sla-paused, .sla-none { color: #8a919e; }
        .sla-ok { color: var(--ok); }
        tr.sla-row-overdue td.key { border-left: 3px solid var(--bad); }
        tr.sla-row-soon td.key { border-left: 3px solid #e0a100; }
        nav.pager { display: flex; gap: 1rem; align-items: center; justify-content: flex-end; padding: .5rem 0; font-size: .9rem; }
        nav.pager .position { color: var(--muted); }
        p.empty, .none { color: var(--muted); }
        .crumbs { margin: 0; font-size: .85rem; color: var(--muted); }
        .ticket-header h1 .key { color: var(--muted); font-weight: 600; margin-right: .3rem; }
        dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: .3rem 1rem; margin: 0 0 .8rem; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; }
        dl.facts dt { font-size: .75rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        dl.facts dd { margin: 0; font-size: .9rem; }
        dl.facts .email, #followers .email { color: var(--muted); font-size: .8rem; }
        .tag { display: inline-block; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 0 .3rem; font-size: .8rem; }
        .flash { margin: .5rem 0; }
        .flash[hidden] { display: none; }
        ol.entries { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .5rem; }
        .entry { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; }
        .entry.request { border-left: 4px solid var(--accent); }
        .entry.reply.from-staff { border-left: 4px solid var(--ok); }
        .entry.note { background: var(--note); border-color: #ecd98b; }
        .entry.event { background: transparent; border: none; padding: 0 .8rem; font-size: .8rem; color: var(--muted); }
        .entry-head { font-size: .85rem; color: var(--muted); margin-bottom: .2rem; }
        .entry-head .person { color: var(--ink); font-weight: 600; }
        .entry-label { font-size: .7rem; text-transform: uppercase; letter-spacing: .05em; font-weight: 700; padding: .05rem .35rem; border-radius: 3px; background: var(--bg); color: var(--muted); }
        .entry.note .entry-label { background: #f3d768; color: #5a4500; }
        .entry-body > :first-child { margin-top: 0; }
        .entry-body > :last-child { margin-bottom: 0; }
        .markdown pre { overflow-x: auto; background: var(--bg); padding: .5rem; }
        .markdown table { width: auto; }
        section.compose { margin-top: .8rem; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
        section.compose label { margin-top: 0; font-size: .85rem; color: var(--muted); }
        #entry-form[data-mode=note] textarea { background: var(--note); }
        .compose-actions { display: flex; gap: .5rem; align-items: center; margin-top: .4rem; flex-wrap: wrap; }
        button.note-button { background: #f3d768; border-color: #d9b93a; color: #3d2f00; }
        .hint { color: var(--muted); font-size: .8rem; }
        kbd { font: .8rem ui-monospace, monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 .3rem; background: #fff; }
        .ticket-side { display: flex; flex-direction: column; gap: .6rem; }
        .panel { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; }
        .panel h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
        .panel ul { margin: 0; padding-left: 1rem; font-size: .9rem; }
        .panel label { margin: .3rem 0 .1rem; font-size: .8rem; color: var(--muted); }
        .field-form { margin: 0; }
        .field-row { display: flex; gap: .4rem; align-items: center; }
        .field-row select, .field-row input { padding: .25rem .35rem; }
        .js .field-form button.save { display: none; }
        select.pending { border-color: #e0a100; }
        select.saved { border-color: var(--ok); }
        .inline-form { display: inline; }
        button.link-button { background: none; border: none; color: var(--bad); padding: 0 .2rem; font-size: .8rem; text-decoration: underline; }
        .link-kind { font-size: .8rem; color: var(--muted); }
        #links .subject { font-size: .85rem; }
        #links .status, #kb-suggestions .category { font-size: .75rem; color: var(--muted); }
        ol.history { list-style: none; padding: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
        ol.history li { padding: .35rem .8rem; border-bottom: 1px solid var(--line); font-size: .9rem; }
        ol.history .person { font-weight: 600; margin: 0 .4rem; }
        ol.history .oid { color: var(--muted); font-size: .8rem; margin-left: .4rem; }
        section.new-ticket { max-width: 46rem; }
        .form-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0 1rem; }
        table.kb-list { border: 1px solid var(--line); font-size: .9rem; }
        .badge { font-size: .7rem; text-transform: uppercase; letter-spacing: .05em; font-weight: 700; padding: .05rem .4rem; border-radius: 3px; }
        .badge.draft { background: #eceff3; color: var(--muted); border: 1px dashed #a0a7b4; }
        .badge.published { background: #e3f3e7; color: var(--ok); }
        tr.draft td:first-child a { color: var(--muted); }
        article.kb-article { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1.2rem; max-width: 52rem; }
        article.kb-article .meta { font-size: .85rem; color: var(--muted); }
        .help-overlay { position: fixed; inset: 0; background: rgba(20, 24, 33, .45); display: flex; align-items: flex-start; justify-content: center; padding-top: 8vh; z-index: 10; }
        .help-overlay[hidden] { display: none; }
        html:not(.js) .help-overlay:target { display: flex; }
        .help-panel { position: relative; background: #fff; border-radius: 8px; padding: 1rem 1.4rem; width: min(36rem, 92vw); max-height: 80vh; overflow: auto; box-shadow: 0 10px 30px rgba(0, 0, 0, .25); }
        .help-panel h3 { font-size: .9rem; margin: .8rem 0 .3rem; }
        .help-close { position: absolute; top: .5rem; right: .8rem; font-size: 1.4rem; text-decoration: none; color: var(--muted); }
        table.shortcuts td { border: none; padding: .15rem .4rem; font-size: .9rem; }
        table.shortcuts td.keys { white-space: nowrap; width: 7rem; }
        ul.features { font-size: .9rem; padding-left: 1.1rem; }
        @media (max-width: 900px) {
            .console-layout, .console-layout.ticket-layout { grid-template-columns: 1fr; }
            nav.queues { position: static; }
        }

        """
}
