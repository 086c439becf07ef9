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
///   (“Internal note” on notes) and `.from-staff|.from-requester|.from-other` for the author's side;
///   `#entry-form[data-mode=reply|note]`, `#reply-text`, `#send-reply`, `#add-note`;
///   `form.field-form[data-field]` holding `select[data-field="priority"]` (`#field-priority`, with
///   `data-current`) and `input[name=version]`; `#followers li[data-follower]`, `#follower-form`;
///   `#links li[data-link-kind][data-link-target]`, `#link-form`; `#kb-suggestions li[data-article]`;
///   `#history-link`.
/// - History: `ol.history li[data-commit]` with `.commit-subject`. New ticket: `#new-ticket-form`.
///   Knowledge base: `table.kb-list tr[data-article]` (`.draft` rows carry `.badge.draft`), `article.kb-article`.
enum ConsoleAssets {
    static let css = """
        body.console main { max-width: none; padding: .8rem 1rem; }
        body.console .console-layout {
            display: grid; grid-template-columns: 14rem minmax(0, 1fr); gap: 1rem; align-items: start;
        }
        body.console .console-layout.ticket-layout { grid-template-columns: minmax(0, 1fr) 20rem; }
        body.console nav.queues {
            background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem 0; position: sticky;
            top: .5rem;
        }
        body.console nav.queues h2 {
            font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted);
            margin: 0 .8rem .3rem;
        }
        body.console nav.queues ul { list-style: none; margin: 0; padding: 0; }
        body.console nav.queues a {
            display: flex; justify-content: space-between; gap: .5rem; padding: .25rem .8rem; text-decoration: none;
            color: var(--ink);
        }
        body.console nav.queues a:hover { background: var(--bg); }
        body.console nav.queues a.current { background: #e8f0fe; color: var(--accent); font-weight: 600; }
        body.console nav.queues .help-link { display: block; margin: .5rem .8rem 0; font-size: .85rem; }
        body.console .count {
            display: inline-block; min-width: 1.6em; padding: 0 .4em; border-radius: 999px; background: var(--bg);
            color: var(--muted); font-size: .8rem; text-align: center; font-weight: 600;
        }
        body.console h1 { font-size: 1.3rem; margin: .2rem 0 .6rem; }
        body.console h2 { font-size: 1rem; margin: .2rem 0 .5rem; }
        body.console form.queue-filters {
            display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; margin-bottom: .6rem;
        }
        body.console form.queue-filters label { margin: 0; font-size: .85rem; color: var(--muted); }
        body.console form.queue-filters label.grow { flex: 1; min-width: 12rem; }
        body.console form.queue-filters label.inline {
            display: flex; align-items: center; gap: .3rem; padding-bottom: .4rem;
        }
        body.console form.queue-filters select { width: auto; }
        body.console form.queue-filters .clear { padding-bottom: .45rem; font-size: .9rem; }
        body.console table.queue { font-size: .9rem; border: 1px solid var(--line); }
        body.console table.queue th { background: #fafbfc; font-size: .8rem; color: var(--muted); white-space: nowrap; }
        body.console table.queue th a { color: inherit; text-decoration: none; }
        body.console table.queue th[aria-sort=ascending] a::after { content: " ▲"; }
        body.console table.queue th[aria-sort=descending] a::after { content: " ▼"; }
        body.console table.queue td { padding: .3rem .5rem; }
        body.console table.queue td.key { white-space: nowrap; font-weight: 600; }
        body.console table.queue td.subject a { color: var(--ink); text-decoration: none; }
        body.console table.queue td.subject a:hover { text-decoration: underline; }
        body.console table.queue td.updated, body.console table.queue td.sla-cell { white-space: nowrap; }
        body.console table.queue tbody tr:hover { background: #f4f7fd; }
        body.console table.queue tr.selected {
            background: #e8f0fe; outline: 2px solid var(--accent); outline-offset: -2px;
        }
        body.console td.priority[data-priority=urgent] { color: var(--bad); font-weight: 700; }
        body.console td.priority[data-priority=high] { color: #a05a00; font-weight: 600; }
        body.console .sla { white-space: nowrap; font-size: .85rem; }
        body.console .sla-overdue, body.console .sla-breached { color: var(--bad); font-weight: 600; }
        body.console .sla-soon { color: #9a6700; font-weight: 600; }
        body.console .sla-paused, body.console .sla-none { color: #8a919e; }
        body.console .sla-ok { color: var(--ok); }
        body.console tr.sla-row-overdue td.key { border-left: 3px solid var(--bad); }
        body.console tr.sla-row-soon td.key { border-left: 3px solid #e0a100; }
        body.console nav.pager {
            display: flex; gap: 1rem; align-items: center; justify-content: flex-end; padding: .5rem 0;
            font-size: .9rem;
        }
        body.console nav.pager .position { color: var(--muted); }
        body.console p.empty, body.console .none { color: var(--muted); }
        body.console .crumbs { margin: 0; font-size: .85rem; color: var(--muted); }
        body.console .ticket-header h1 .key { color: var(--muted); font-weight: 600; margin-right: .3rem; }
        body.console dl.facts {
            display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: .3rem 1rem;
            margin: 0 0 .8rem; background: #fff; border: 1px solid var(--line); border-radius: 6px;
            padding: .5rem .8rem;
        }
        body.console dl.facts dt {
            font-size: .75rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em;
        }
        body.console dl.facts dd { margin: 0; font-size: .9rem; }
        body.console dl.facts .email, body.console #followers .email { color: var(--muted); font-size: .8rem; }
        body.console .tag {
            display: inline-block; background: var(--bg); border: 1px solid var(--line); border-radius: 4px;
            padding: 0 .3rem; font-size: .8rem;
        }
        body.console .flash { margin: .5rem 0; }
        body.console .flash[hidden] { display: none; }
        body.console ol.entries {
            list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .5rem;
        }
        body.console .entry {
            background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem;
        }
        body.console .entry.request { border-left: 4px solid var(--accent); }
        body.console .entry.reply.from-staff { border-left: 4px solid var(--ok); }
        body.console .entry.note { background: var(--note); border-color: #ecd98b; }
        body.console .entry.event {
            background: transparent; border: none; padding: 0 .8rem; font-size: .8rem; color: var(--muted);
        }
        body.console .entry-head { font-size: .85rem; color: var(--muted); margin-bottom: .2rem; }
        body.console .entry-head .person { color: var(--ink); font-weight: 600; }
        body.console .entry-label {
            font-size: .7rem; text-transform: uppercase; letter-spacing: .05em; font-weight: 700;
            padding: .05rem .35rem; border-radius: 3px; background: var(--bg); color: var(--muted);
        }
        body.console .entry.note .entry-label { background: #f3d768; color: #5a4500; }
        body.console .entry-body > :first-child { margin-top: 0; }
        body.console .entry-body > :last-child { margin-bottom: 0; }
        body.console ul.attachments { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
        body.console .markdown pre { overflow-x: auto; background: var(--bg); padding: .5rem; }
        body.console .markdown table { width: auto; }
        body.console section.compose {
            margin-top: .8rem; background: #fff; border: 1px solid var(--line); border-radius: 6px;
            padding: .6rem .8rem;
        }
        body.console section.compose label { margin-top: 0; font-size: .85rem; color: var(--muted); }
        body.console #entry-form[data-mode=note] textarea { background: var(--note); }
        body.console .compose-actions {
            display: flex; gap: .5rem; align-items: center; margin-top: .4rem; flex-wrap: wrap;
        }
        body.console button.note-button { background: #f3d768; border-color: #d9b93a; color: #3d2f00; }
        body.console .hint { color: var(--muted); font-size: .8rem; }
        body.console kbd {
            font: .8rem ui-monospace, monospace; border: 1px solid var(--line); border-bottom-width: 2px;
            border-radius: 3px; padding: 0 .3rem; background: #fff;
        }
        body.console .ticket-side { display: flex; flex-direction: column; gap: .6rem; }
        body.console .panel {
            background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem;
        }
        body.console .panel h2 {
            font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted);
        }
        body.console .panel ul { margin: 0; padding-left: 1rem; font-size: .9rem; }
        body.console .panel label { margin: .3rem 0 .1rem; font-size: .8rem; color: var(--muted); }
        body.console .field-form { margin: 0; }
        body.console .field-row { display: flex; gap: .4rem; align-items: center; }
        body.console .field-row select, body.console .field-row input { padding: .25rem .35rem; }
        .js body.console .field-form button.save { display: none; }
        body.console select.pending { border-color: #e0a100; }
        body.console select.saved { border-color: var(--ok); }
        body.console .inline-form { display: inline; }
        body.console button.link-button {
            background: none; border: none; color: var(--bad); padding: 0 .2rem; font-size: .8rem;
            text-decoration: underline;
        }
        body.console .link-kind { font-size: .8rem; color: var(--muted); }
        body.console #links .subject { font-size: .85rem; }
        body.console #links .status, body.console #kb-suggestions .category { font-size: .75rem; color: var(--muted); }
        body.console ol.history {
            list-style: none; padding: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px;
        }
        body.console ol.history li { padding: .35rem .8rem; border-bottom: 1px solid var(--line); font-size: .9rem; }
        body.console ol.history .person { font-weight: 600; margin: 0 .4rem; }
        body.console ol.history .oid { color: var(--muted); font-size: .8rem; margin-left: .4rem; }
        body.console section.new-ticket { max-width: 46rem; }
        body.console .form-grid {
            display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0 1rem;
        }
        body.console table.kb-list { border: 1px solid var(--line); font-size: .9rem; }
        body.console .badge {
            font-size: .7rem; text-transform: uppercase; letter-spacing: .05em; font-weight: 700;
            padding: .05rem .4rem; border-radius: 3px;
        }
        body.console .badge.draft { background: #eceff3; color: var(--muted); border: 1px dashed #a0a7b4; }
        body.console .badge.published { background: #e3f3e7; color: var(--ok); }
        body.console tr.draft td:first-child a { color: var(--muted); }
        body.console article.kb-article {
            background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1.2rem;
            max-width: 52rem;
        }
        body.console article.kb-article .meta { font-size: .85rem; color: var(--muted); }
        body.console .help-overlay {
            position: fixed; inset: 0; background: rgba(20, 24, 33, .45); display: flex; align-items: flex-start;
            justify-content: center; padding-top: 8vh; z-index: 10;
        }
        body.console .help-overlay[hidden] { display: none; }
        html:not(.js) body.console .help-overlay:target { display: flex; }
        body.console .help-panel {
            position: relative; background: #fff; border-radius: 8px; padding: 1rem 1.4rem; width: min(36rem, 92vw);
            max-height: 80vh; overflow: auto; box-shadow: 0 10px 30px rgba(0, 0, 0, .25);
        }
        body.console .help-panel h3 { font-size: .9rem; margin: .8rem 0 .3rem; }
        body.console .help-close {
            position: absolute; top: .5rem; right: .8rem; font-size: 1.4rem; text-decoration: none;
            color: var(--muted);
        }
        body.console table.shortcuts td { border: none; padding: .15rem .4rem; font-size: .9rem; }
        body.console table.shortcuts td.keys { white-space: nowrap; width: 7rem; }
        body.console ul.features { font-size: .9rem; padding-left: 1.1rem; }
        @media (max-width: 900px) {
            body.console .console-layout, body.console .console-layout.ticket-layout { grid-template-columns: 1fr; }
            body.console nav.queues { position: static; }
        }

        """
}
