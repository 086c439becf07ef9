extension ConsoleAssets {
    /// The console's progressive enhancement: keyboard shortcuts, the help overlay and field changes sent
    /// with `fetch` (optimistic, rolled back with a message in `#flash` when the server rejects them).
    /// Every page works without it.
    static let javaScript = #"""
        (function () {
          "use strict";
          document.documentElement.classList.add("js");
          var overlay = document.getElementById("help-overlay");
          var pendingG = 0;
          var fieldQueue = Promise.resolve();

          function csrfToken() {
            var meta = document.querySelector('meta[name="csrf-token"]');
            return meta ? meta.getAttribute("content") : "";
          }

          function flash(text) {
            var box = document.getElementById("flash");
            if (!box) {
              box = document.createElement("div");
              box.id = "flash";
              box.setAttribute("role", "alert");
              var main = document.getElementById("main") || document.body;
              main.insertBefore(box, main.firstChild);
            }
            box.className = "flash notice error";
            box.textContent = text;
            box.hidden = false;
          }

          function toggleHelp(show) {
            if (!overlay) return false;
            var visible = show === undefined ? overlay.hidden : show;
            overlay.hidden = !visible;
            if (visible) {
              var close = overlay.querySelector('[data-action="close-help"]');
              if (close) close.focus();
            } else if (location.hash === "#help-overlay") {
              history.replaceState(null, "", location.pathname + location.search);
            }
            return true;
          }

          function isTyping(target) {
            if (!target || !target.tagName) return false;
            return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
          }

          function queueRows() {
            return Array.prototype.slice.call(document.querySelectorAll("table.queue tbody tr[data-ticket]"));
          }

          function select(row, rows) {
            rows.forEach(function (other) {
              other.classList.toggle("selected", other === row);
              other.setAttribute("aria-selected", other === row ? "true" : "false");
            });
            row.scrollIntoView({ block: "nearest" });
          }

          function moveSelection(step) {
            var rows = queueRows();
            if (!rows.length) return false;
            var current = -1;
            rows.forEach(function (row, index) { if (row.classList.contains("selected")) current = index; });
            var next = Math.min(rows.length - 1, Math.max(0, current + step));
            if (current < 0) next = step > 0 ? 0 : rows.length - 1;
            select(rows[next], rows);
            return true;
          }

          function openSelection() {
            var row = document.querySelector("table.queue tr.selected[data-href]");
            if (!row) return false;
            location.href = row.getAttribute("data-href");
            return true;
          }

          function focusCompose(mode) {
            var text = document.getElementById("reply-text");
            var form = document.getElementById("entry-form");
            if (!text || !form) return false;
            form.setAttribute("data-mode", mode);
            text.placeholder = mode === "note" ? "Internal note, seen by staff only" : "Public reply to the requester";
            text.focus();
            return true;
          }

          function submitEntry() {
            var form = document.getElementById("entry-form");
            if (!form) return;
            var mode = form.getAttribute("data-mode") === "note" ? "add-note" : "send-reply";
            var button = document.getElementById(mode);
            if (form.requestSubmit) form.requestSubmit(button); else button.click();
          }

          function focusFilter() {
            var filter = document.getElementById("queue-filter");
            if (!filter) return false;
            filter.focus();
            filter.select();
            return true;
          }

          function handleShortcut(key) {
            if (pendingG && Date.now() - pendingG < 1500) {
              pendingG = 0;
              if (key === "q") { location.href = "/console"; return true; }
              return false;
            }
            pendingG = 0;
            switch (key) {
              case "g": pendingG = Date.now(); return true;
              case "j": return moveSelection(1);
              case "k": return moveSelection(-1);
              case "o": case "Enter": return openSelection();
              case "r": return focusCompose("reply");
              case "n": return focusCompose("note");
              case "/": return focusFilter();
              default: return false;
            }
          }

          document.addEventListener("keydown", function (event) {
            var target = event.target;
            var helpOpen = overlay && !overlay.hidden;
            if (event.key === "Escape") {
              if (helpOpen) { toggleHelp(false); event.preventDefault(); }
              else if (isTyping(target)) target.blur();
              return;
            }
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && target.id === "reply-text") {
              event.preventDefault();
              submitEntry();
              return;
            }
            if (isTyping(target) || event.altKey || event.ctrlKey || event.metaKey) return;
            if (event.key === "?") { if (toggleHelp()) event.preventDefault(); return; }
            if (helpOpen) return;
            if (event.key === "Enter" && target.closest && target.closest("a, button")) return;
            if (handleShortcut(event.key)) event.preventDefault();
          });

          document.addEventListener("click", function (event) {
            var trigger = event.target.closest && event.target.closest("[data-action]");
            if (trigger && trigger.getAttribute("data-action") === "help") {
              event.preventDefault();
              toggleHelp();
              return;
            }
            if (trigger && trigger.getAttribute("data-action") === "close-help") {
              event.preventDefault();
              toggleHelp(false);
              return;
            }
            if (overlay && event.target === overlay) { toggleHelp(false); return; }
            var row = event.target.closest && event.target.closest("table.queue tbody tr[data-ticket]");
            if (row && !event.target.closest("a")) select(row, queueRows());
          });

          function ticketVersion() {
            var ticket = document.getElementById("ticket");
            return ticket ? ticket.getAttribute("data-version") : "";
          }

          function setTicketVersion(version) {
            if (!version) return;
            var ticket = document.getElementById("ticket");
            if (ticket) ticket.setAttribute("data-version", version);
            document.querySelectorAll('input[name="version"]').forEach(function (input) { input.value = version; });
          }

          function optionLabel(selectElement, value) {
            for (var i = 0; i < selectElement.options.length; i++) {
              if (selectElement.options[i].value === value) return selectElement.options[i].textContent;
            }
            return value;
          }

          function showField(field, text) {
            document.querySelectorAll('[data-field-display="' + field + '"]').forEach(function (element) {
              element.textContent = text;
            });
          }

          function readAnswer(response) {
            return response.json().catch(function () { return {}; }).then(function (data) {
              if (!response.ok) {
                var reason = data.error || "the server answered " + response.status;
                throw new Error(reason);
              }
              return data;
            });
          }

          function sendField(form, selectElement, chosen) {
            var previous = selectElement.getAttribute("data-current") || "";
            var body = new URLSearchParams(new FormData(form));
            body.set("value", chosen);
            body.set("version", ticketVersion());
            var label = optionLabel(selectElement, chosen);
            return fetch(form.action, {
              method: "POST",
              credentials: "same-origin",
              headers: { "Accept": "application/json", "X-CSRF-Token": csrfToken() },
              body: body
            }).then(readAnswer).then(function (data) {
              setTicketVersion(data.version);
              selectElement.setAttribute("data-current", data.value == null ? "" : data.value);
              selectElement.classList.remove("pending");
              selectElement.classList.add("saved");
              setTimeout(function () { selectElement.classList.remove("saved"); }, 1500);
            }).catch(function (error) {
              if (selectElement.value === chosen) {
                selectElement.value = previous;
                showField(selectElement.getAttribute("data-field"), optionLabel(selectElement, previous));
              }
              selectElement.classList.remove("pending");
              var field = selectElement.getAttribute("data-field");
              flash("Could not set " + field + " to \u201c" + label + "\u201d: " + error.message + ".");
            });
          }

          document.querySelectorAll("form.field-form select[data-field]").forEach(function (selectElement) {
            selectElement.addEventListener("change", function () {
              var chosen = selectElement.value;
              showField(selectElement.getAttribute("data-field"), optionLabel(selectElement, chosen));
              selectElement.classList.add("pending");
              fieldQueue = fieldQueue.then(function () {
                return sendField(selectElement.form, selectElement, chosen);
              });
            });
          });

          if (location.hash === "#help-overlay") toggleHelp(true);
        })();

        """#
}
