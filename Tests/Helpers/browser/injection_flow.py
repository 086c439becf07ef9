"""Markup injected through a portal request, checked to stay inert on portal and console pages."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser_steps import no_alert_opens, require, sign_in, sign_out, wait_for, wait_visible

INJECTED_SUBJECT = "<script>alert(1)</script><img src=x onerror=alert(1)> Printer"
INJECTED_BODY = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\nThe printer prints blank pages."
# Every page loads the app script from a file; an inline script or an image with src="x" means markup
# from the request reached the DOM as elements rather than text.
FOREIGN_ELEMENTS = """
    return {
      inlineScripts: document.querySelectorAll("script:not([src])").length,
      foreignScripts: Array.from(document.querySelectorAll("script[src]"))
        .map(function (s) { return s.getAttribute("src"); })
        .filter(function (src) { return src !== "/assets/app.js"; }),
      injectedImages: document.querySelectorAll('img[src="x"], img[onerror]').length
    };
    """


def run_injection_portal_flow(recorder, driver, config, state):
    """Creates the request with injected markup as the signed-in customer and checks the portal pages."""
    flow = InjectionFlow(driver, config, state)
    recorder.start_group()
    recorder.run("injected-request-submitted", flow.submit_request)
    recorder.run("injection-inert-on-portal-ticket", flow.check_portal_ticket)
    recorder.run("injection-inert-on-portal-home", flow.check_portal_home)
    recorder.run("customer-signs-out", flow.sign_out)


def run_injection_console_flow(recorder, driver, config, state):
    """Signs the agent in again and checks the console pages that show the injected request."""
    flow = InjectionFlow(driver, config, state)
    recorder.start_group()
    recorder.run("agent-signs-in-again", flow.sign_in_agent)
    recorder.run("injection-inert-on-console-ticket", flow.check_console_ticket)
    recorder.run("injection-inert-on-console-queue", flow.check_console_queue)


class InjectionFlow:
    """Steps around a request whose subject and body carry script and image markup."""

    def __init__(self, driver, config, state):
        self.driver = driver
        self.config = config
        self.state = state

    def submit_request(self):
        self.driver.find_element(By.CSS_SELECTOR, 'header.top nav a[href="/portal/new"]').click()
        wait_visible(self.driver, "#new-request", "the new request form did not load")
        self.driver.find_element(By.ID, "request-subject").send_keys(INJECTED_SUBJECT)
        Select(self.driver.find_element(By.ID, "request-type")).select_by_index(1)
        self.driver.find_element(By.ID, "request-description").send_keys(INJECTED_BODY)
        self.driver.find_element(By.CSS_SELECTOR, "#new-request button[type=submit]").click()
        page = wait_visible(self.driver, "div.portal-ticket[data-ticket]", "submitting the request showed no ticket")
        self.state["injected_id"] = page.get_attribute("data-ticket")
        return f"created {self.state['injected_id']}"

    def check_portal_ticket(self):
        self.check_inert("#ticket-subject")
        body = self.driver.find_element(By.CSS_SELECTOR, "#thread .entry-body").text
        require("The printer prints blank pages." in body, f"the request body is missing: {body!r}")
        return "subject shown as text, no alert, no injected elements"

    def check_portal_home(self):
        self.driver.get(self.config.base_url + "/portal")
        self.check_inert(f'#open-tickets tr[data-ticket="{self.injected_id()}"] td.ticket-subject a')
        return "row subject shown as text, no alert, no injected elements"

    def sign_out(self):
        sign_out(self.driver)
        return "signed out"

    def sign_in_agent(self):
        self.driver.delete_all_cookies()
        return sign_in(self.driver, self.config.base_url, self.config.agent, self.config.password,
                       "body.console nav.queues")

    def check_console_ticket(self):
        ticket = self.injected_id()
        self.driver.get(f"{self.config.base_url}/console/tickets/{ticket}")
        self.check_inert(".ticket-header h1 .subject")
        # Intake statuses are in no queue, so the agent takes the request on, as in daily work.
        Select(self.driver.find_element(By.ID, "field-status")).select_by_value("open")
        wait_for(self.driver, lambda d: d.find_element(By.ID, "field-status").get_attribute("data-current") == "open",
                 f"setting {ticket} to open did not save")
        no_alert_opens(self.driver)
        return f"subject shown as text, no alert, no injected elements; {ticket} set to open"

    def check_console_queue(self):
        self.driver.get(self.config.base_url + "/console/queues/open")
        self.check_inert(f'tr[data-ticket="{self.injected_id()}"] td.subject a')
        return "row subject shown as text, no alert, no injected elements"

    def injected_id(self):
        require("injected_id" in self.state, "no injected request was created, see 'injected-request-submitted'")
        return self.state["injected_id"]

    def check_inert(self, subject_css):
        """Checks that the page opened no alert, contains no injected elements and shows the subject as text."""
        subject = wait_visible(self.driver, subject_css, f"no element {subject_css} shows the subject")
        no_alert_opens(self.driver)
        require(subject.text.strip() == INJECTED_SUBJECT, f"{subject_css} shows {subject.text!r}")
        found = self.driver.execute_script(FOREIGN_ELEMENTS)
        require(found["inlineScripts"] == 0, f"{found['inlineScripts']} inline script elements")
        require(not found["foreignScripts"], f"unexpected script sources {found['foreignScripts']}")
        require(found["injectedImages"] == 0, f"{found['injectedImages']} injected image elements")
