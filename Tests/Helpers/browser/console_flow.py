"""The agent's steps in the console: queue, ticket, reply, field changes, internal note and help overlay."""

import subprocess

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from browser_steps import find, require, save_screenshot, sign_in, sign_out, wait_for, wait_visible

# A mark on the window object. A reload clears it, so a later step can tell whether the page was reloaded.
SET_RELOAD_MARKER = "window.flatdeskNoReload = true;"
READ_RELOAD_MARKER = "return window.flatdeskNoReload === true;"


def run_console_flow(recorder, driver, config):
    """Runs the agent's steps on ticket `config.agent_ticket` as one group."""
    ticket = config.agent_ticket
    flow = ConsoleFlow(driver, config)
    recorder.start_group()
    recorder.run("agent-signs-in", flow.sign_in)
    recorder.run("queue-lists-open-tickets", flow.open_queue)
    recorder.run("ticket-opens-from-queue", lambda: flow.open_ticket(ticket))
    recorder.run("public-reply-appears-in-thread", flow.reply)
    recorder.run("priority-change-shows-at-once", flow.change_priority)
    recorder.run("priority-change-updates-version", flow.check_saved_priority)
    recorder.run("stale-change-rolls-back-with-alert", flow.change_stale_priority)
    recorder.run("rejected-change-is-not-saved", flow.check_rejected_priority)
    recorder.run("internal-note-appears-marked", flow.add_note)
    recorder.run("help-overlay-opens-with-question-mark", flow.open_help)
    recorder.run("agent-signs-out", flow.sign_out)


class ConsoleFlow:
    """Steps of the agent console; each returns a detail string or raises AssertionError."""

    def __init__(self, driver, config):
        self.driver = driver
        self.config = config
        self.version_before = None
        self.chosen = None
        self.rejected = None
        self.external_priority = "low"

    def sign_in(self):
        self.driver.delete_all_cookies()
        return sign_in(self.driver, self.config.base_url, self.config.agent, self.config.password,
                       "body.console nav.queues")

    def open_queue(self):
        self.driver.find_element(By.CSS_SELECTOR, 'nav.queues a[data-queue="open"]').click()
        wait_visible(self.driver, '#queue[data-queue="open"]', "the All open queue did not load")
        rows = self.driver.find_elements(By.CSS_SELECTOR, "table.queue tbody tr[data-ticket]")
        require(rows, "the All open queue shows no rows")
        keys = [row.get_attribute("data-ticket") for row in rows]
        require(self.config.agent_ticket in keys, f"{self.config.agent_ticket} is not among the rows {keys}")
        save_screenshot(self.driver, self.config.screenshots, "console-queue.png")
        return f"{len(rows)} rows: {', '.join(keys)}"

    def open_ticket(self, ticket):
        self.driver.find_element(By.CSS_SELECTOR, f'tr[data-ticket="{ticket}"] td.key a').click()
        wait_visible(self.driver, f'#ticket[data-ticket="{ticket}"]', f"the page of {ticket} did not load")
        subject = self.driver.find_element(By.CSS_SELECTOR, ".ticket-header h1 .subject").text
        return f"opened {ticket}: {subject}"

    def reply(self):
        text = f"Browser reply {self.config.stamp}: please restart the VPN client and tell us if it helps."
        self.submit_entry(text, "#send-reply")
        entry = self.wait_for_entry(text)
        require(entry["kind"] == "reply", f"the reply is shown as a {entry['kind']} entry")
        require(not entry["note"], "the reply is marked as an internal note")
        return f"reply shown as entry {entry['id']}"

    def change_priority(self):
        self.version_before = self.ticket_version()
        current = self.select_value("#field-priority")
        self.chosen = "high" if current != "high" else "medium"
        header_text = self.driver.execute_script(
            SET_RELOAD_MARKER + """
            var select = document.getElementById("field-priority");
            select.value = arguments[0];
            select.dispatchEvent(new Event("change", { bubbles: true }));
            return document.querySelector('[data-field-display="priority"]').textContent;
            """, self.chosen)
        expected = self.option_label("#field-priority", self.chosen)
        require(header_text == expected,
                f"right after the change the header shows {header_text!r}, expected {expected!r} before any response")
        return f"header changed from {current!r} to {header_text!r} in the change event"

    def check_saved_priority(self):
        wait_for(self.driver, lambda _: self.field_settled("#field-priority", self.chosen),
                 f"the priority select did not settle on {self.chosen!r}")
        version = self.ticket_version()
        require(version != self.version_before, f"data-version stayed {self.version_before}")
        require(self.driver.execute_script(READ_RELOAD_MARKER), "the page reloaded to save the priority")
        inputs = self.driver.execute_script(
            'return Array.from(document.querySelectorAll("input[name=version]"))'
            '.map(function (input) { return input.value; });')
        require(all(value == version for value in inputs), f"version fields {set(inputs)} differ from {version}")
        self.driver.refresh()
        wait_visible(self.driver, "#ticket")
        require(self.ticket_version() == version,
                f"after a reload the version is {self.ticket_version()}, the script had set {version}")
        require(self.select_value("#field-priority") == self.chosen, "after a reload the priority is not saved")
        return f"version {self.version_before[:10]} -> {version[:10]} without a reload"

    def change_stale_priority(self):
        self.change_outside(f"priority={self.external_priority}")
        previous = self.select_value("#field-priority")
        self.rejected = "medium" if previous != "medium" else "urgent"
        self.driver.execute_script(SET_RELOAD_MARKER)
        Select(self.driver.find_element(By.ID, "field-priority")).select_by_value(self.rejected)
        alert = wait_visible(self.driver, "#flash[role=alert]", "no visible [role=alert] message after the rejection")
        wait_for(self.driver, lambda _: self.field_settled("#field-priority", previous),
                 f"the priority select did not roll back to {previous!r}")
        header_text = self.driver.find_element(By.CSS_SELECTOR, '[data-field-display="priority"]').text
        expected = self.option_label("#field-priority", previous)
        require(header_text == expected, f"the header shows {header_text!r} after the rollback, expected {expected!r}")
        require(self.driver.execute_script(READ_RELOAD_MARKER), "the page reloaded instead of rolling back")
        require(alert.text.strip(), "the [role=alert] message is empty")
        return f"rolled back to {previous!r}; alert: {alert.text.strip()}"

    def check_rejected_priority(self):
        self.driver.refresh()
        wait_visible(self.driver, "#ticket")
        saved = self.select_value("#field-priority")
        require(saved == self.external_priority,
                f"after a reload the priority is {saved!r}, expected the outside change {self.external_priority!r}")
        return f"priority stays {saved!r}, set from outside the browser"

    def add_note(self):
        text = f"Browser internal note {self.config.stamp}: the firewall logs show rekey failures."
        self.submit_entry(text, "#add-note")
        entry = self.wait_for_entry(text)
        require(entry["kind"] == "note", f"the note is shown as a {entry['kind']} entry")
        require(entry["note"], "the note lacks the .note class")
        require(entry["label"] == "Internal note", f"the note is labelled {entry['label']!r}")
        self.driver.execute_script(
            'document.getElementById("entry-" + arguments[0]).scrollIntoView({ block: "center" });', entry["id"])
        save_screenshot(self.driver, self.config.screenshots, "console-ticket.png")
        return f"note shown as entry {entry['id']} labelled {entry['label']!r}"

    def open_help(self):
        overlay = self.driver.find_element(By.ID, "help-overlay")
        require(not overlay.is_displayed(), "the help overlay is visible before pressing ?")
        self.driver.execute_script("if (document.activeElement) document.activeElement.blur();")
        ActionChains(self.driver).send_keys("?").perform()
        wait_visible(self.driver, "#help-overlay", "pressing ? did not show the help overlay")
        ActionChains(self.driver).send_keys(Keys.ESCAPE).perform()
        wait_for(self.driver, lambda _: not overlay.is_displayed(), "Escape did not hide the help overlay")
        return "? showed the overlay and Escape hid it"

    def sign_out(self):
        sign_out(self.driver)
        return "signed out"

    def change_outside(self, assignment):
        """Commits a change to the agent's ticket with the command-line client, as a colleague would."""
        command = [self.config.flatdesk, "set", self.config.agent_ticket, assignment,
                   "--as", self.config.colleague, "-C", self.config.helpdesk]
        result = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
        require(result.returncode == 0,
                f"{' '.join(command)} exited with {result.returncode}: {result.stderr.strip()}")

    def submit_entry(self, text, button):
        area = wait_visible(self.driver, "#reply-text")
        area.clear()
        area.send_keys(text)
        self.driver.find_element(By.CSS_SELECTOR, button).click()

    def wait_for_entry(self, text):
        """Waits for the thread entry whose body contains `text` and returns its kind, label and id."""
        script = """
            var items = document.querySelectorAll("ol.entries li.entry");
            for (var i = 0; i < items.length; i++) {
              var body = items[i].querySelector(".entry-body");
              if (body && body.textContent.indexOf(arguments[0]) >= 0) {
                var label = items[i].querySelector(".entry-label");
                return { id: items[i].getAttribute("data-entry"), kind: items[i].getAttribute("data-kind"),
                         note: items[i].classList.contains("note"), label: label ? label.textContent : "" };
              }
            }
            return null;
            """
        return wait_for(self.driver, lambda driver: driver.execute_script(script, text),
                        f"no thread entry contains {text!r}")

    def ticket_version(self):
        return self.driver.find_element(By.ID, "ticket").get_attribute("data-version")

    def select_value(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css).get_attribute("value")

    def option_label(self, css, value):
        option = find(self.driver, f'{css} option[value="{value}"]')
        require(option is not None, f"{css} has no option {value!r}")
        return option.get_attribute("textContent")

    def field_settled(self, css, value):
        """Checks that a field select shows `value`, stores it as current and waits for no response."""
        select = self.driver.find_element(By.CSS_SELECTOR, css)
        classes = (select.get_attribute("class") or "").split()
        return (select.get_attribute("value") == value and select.get_attribute("data-current") == value
                and "pending" not in classes)
