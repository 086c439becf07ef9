"""The customers' steps in the portal: home, service catalog request, and another customer's ticket."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser_steps import require, save_screenshot, sign_in, sign_out, wait_visible

CATALOG_ITEM = "software-install"
CATALOG_LICENCE = "Free or open source"


def run_portal_flow(recorder, driver, config, state):
    """Runs the customer's steps; stores the id and subject of the catalog request in `state`."""
    flow = PortalFlow(driver, config, state)
    recorder.start_group()
    recorder.run("customer-signs-in", lambda: flow.sign_in(config.customer))
    recorder.run("portal-home-lists-requests", flow.check_home)
    recorder.run("catalog-lists-items", flow.open_catalog)
    recorder.run("catalog-request-submitted", flow.submit_catalog_request)
    recorder.run("request-listed-in-my-requests", flow.find_request_in_list)
    recorder.run("request-opens-from-my-requests", flow.open_request_from_list)
    recorder.run("hidden-ticket-url-is-not-found", flow.open_hidden_ticket)


def run_other_customer_flow(recorder, driver, config, state):
    """Signs in as a customer of another organization and opens the first customer's catalog request."""
    flow = PortalFlow(driver, config, state)
    recorder.start_group()
    recorder.run("other-customer-signs-in", lambda: flow.sign_in(config.other_customer))
    recorder.run("other-customers-request-is-not-found", flow.open_first_customers_request)
    recorder.run("other-customer-signs-out", flow.sign_out)


class PortalFlow:
    """Steps of the customer portal; each returns a detail string or raises AssertionError."""

    def __init__(self, driver, config, state):
        self.driver = driver
        self.config = config
        self.state = state

    def sign_in(self, email):
        self.driver.delete_all_cookies()
        return sign_in(self.driver, self.config.base_url, email, self.config.password, "div.portal-home")

    def sign_out(self):
        sign_out(self.driver)
        return "signed out"

    def check_home(self):
        wait_visible(self.driver, "#open-requests", "the portal home has no Open section")
        keys = self.row_keys("#open-tickets")
        require(keys, "the Open section lists no requests")
        save_screenshot(self.driver, self.config.screenshots, "portal-home.png")
        return f"open requests: {', '.join(keys)}"

    def open_catalog(self):
        self.driver.find_element(By.CSS_SELECTOR, 'header.top nav a[href="/portal/catalog"]').click()
        wait_visible(self.driver, "#catalog li.catalog-item", "the service catalog shows no items")
        items = [item.get_attribute("data-item")
                 for item in self.driver.find_elements(By.CSS_SELECTOR, "#catalog li.catalog-item")]
        require(CATALOG_ITEM in items, f"the catalog lacks {CATALOG_ITEM!r}: {items}")
        return f"items: {', '.join(items)}"

    def submit_catalog_request(self):
        self.driver.find_element(By.CSS_SELECTOR, f'li.catalog-item[data-item="{CATALOG_ITEM}"] a').click()
        wait_visible(self.driver, "#catalog-form", f"the form of {CATALOG_ITEM} did not load")
        software = f"Inkscape 1.4 for poster drafts {self.config.stamp}"
        self.driver.find_element(By.ID, "field-software").send_keys(software)
        Select(self.driver.find_element(By.ID, "field-licence")).select_by_visible_text(CATALOG_LICENCE)
        self.driver.find_element(By.CSS_SELECTOR, "#catalog-form button[type=submit]").click()
        page = wait_visible(self.driver, "div.portal-ticket[data-ticket]", "submitting the form showed no ticket page")
        subject = self.driver.find_element(By.ID, "ticket-subject").text
        require(software in subject, f"the new request's subject {subject!r} lacks {software!r}")
        self.state["request_id"] = page.get_attribute("data-ticket")
        self.state["request_subject"] = subject
        return f"created {self.state['request_id']}: {subject}"

    def find_request_in_list(self):
        request_id = self.state["request_id"]
        self.driver.find_element(By.CSS_SELECTOR, 'header.top nav a[href="/portal"]').click()
        row = wait_visible(self.driver, f'#open-tickets tr[data-ticket="{request_id}"]',
                           f"{request_id} is not listed under Open")
        subject = row.find_element(By.CSS_SELECTOR, "td.ticket-subject a").text
        require(subject == self.state["request_subject"], f"the row shows the subject {subject!r}")
        return f"{request_id} listed as {subject!r}"

    def open_request_from_list(self):
        request_id = self.state["request_id"]
        self.driver.find_element(By.CSS_SELECTOR, f'tr[data-ticket="{request_id}"] td.ticket-subject a').click()
        wait_visible(self.driver, f'div.portal-ticket[data-ticket="{request_id}"]', f"{request_id} did not open")
        thread = self.driver.find_element(By.ID, "thread").text
        require(CATALOG_LICENCE in thread, f"the request text lacks the answer {CATALOG_LICENCE!r}")
        require(self.driver.find_elements(By.ID, "reply-form"), "the request has no reply form")
        return f"{request_id} shows the request with its answers"

    def open_hidden_ticket(self):
        return self.expect_not_found(self.config.hidden_ticket, self.config.hidden_subject)

    def open_first_customers_request(self):
        require("request_id" in self.state, "no catalog request was created, see 'catalog-request-submitted'")
        return self.expect_not_found(self.state["request_id"], self.state["request_subject"])

    def expect_not_found(self, ticket, subject):
        """Opens the portal URL of `ticket` and checks for the 404 page without the ticket's subject."""
        self.driver.get(f"{self.config.base_url}/portal/tickets/{ticket}")
        heading = wait_visible(self.driver, "section.error h1", f"/portal/tickets/{ticket} showed no error page")
        require(heading.text == "Not found", f"/portal/tickets/{ticket} shows {heading.text!r}, expected 'Not found'")
        require(subject not in self.driver.page_source, f"the 404 page contains the subject {subject!r}")
        require(subject not in self.driver.title, f"the 404 page title contains the subject {subject!r}")
        require(self.driver.find_elements(By.CSS_SELECTOR, "form.signout"),
                "the 404 page lost the signed-in header with its Sign out button")
        return f"{ticket}: 'Not found' without its subject"

    def row_keys(self, table_css):
        rows = self.driver.find_elements(By.CSS_SELECTOR, f"{table_css} tr[data-ticket]")
        return [row.get_attribute("data-ticket") for row in rows]

