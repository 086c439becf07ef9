"""Step recording, Chromium start-up and page helpers shared by the FlatDesk browser flows."""

import os
import sys
import traceback

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# Seconds a page or element may take to appear. Pages of the sample helpdesk render in well under a
# second on an idle machine, so this only matters on a loaded one.
WAIT_SECONDS = 15
# Seconds to watch for an alert dialog that injected markup could open after the page has loaded.
ALERT_WATCH_SECONDS = 1.0


class StepRecorder:
    """Runs named steps, records each as {name, ok, detail} and stops a group after its first failure.

    A failed step stores a screenshot named `failure-<step>.png`, because the detail alone rarely shows
    what the page looked like.
    """

    def __init__(self, driver, screenshots):
        self.driver = driver
        self.screenshots = screenshots
        self.results = []
        self.failed_step = None

    def start_group(self):
        """Lets the next step run even if a step of the previous group failed."""
        self.failed_step = None

    def run(self, name, action):
        """Runs `action()` as step `name`; its return value, if any, becomes the detail.

        Returns True when the step passed. After a failure, later steps of the group are recorded as failed
        without running, because they depend on the page state that the failed step was to produce.
        """
        if self.failed_step is not None:
            return self.record(name, False, f"not run because step '{self.failed_step}' failed")
        try:
            detail = action()
        except Exception as error:  # noqa: BLE001 - every failure becomes the step's detail
            self.failed_step = name
            self.save_failure_screenshot(name)
            print(traceback.format_exc(), file=sys.stderr)
            return self.record(name, False, describe(error, self.driver))
        return self.record(name, True, detail or "ok")

    def record(self, name, ok, detail):
        self.results.append({"name": name, "ok": ok, "detail": detail})
        print(f"step {name}: {'ok' if ok else 'FAILED'} - {detail}", file=sys.stderr, flush=True)
        return ok

    def save_failure_screenshot(self, name):
        try:
            self.driver.save_screenshot(os.path.join(self.screenshots, f"failure-{name}.png"))
        except Exception as error:  # noqa: BLE001 - a missing screenshot must not hide the failure
            print(f"no failure screenshot for {name}: {error}", file=sys.stderr)


def describe(error, driver):
    """Returns a one-line description of `error` with the URL the browser was on."""
    message = getattr(error, "msg", None) or str(error) or type(error).__name__
    first_line = message.strip().splitlines()[0] if message.strip() else type(error).__name__
    try:
        url = driver.current_url
    except Exception:  # noqa: BLE001 - the browser may be gone
        url = "unknown"
    return f"{type(error).__name__}: {first_line} (at {url})"


def start_chromium():
    """Starts headless Chromium through the Debian chromedriver, with a fixed window size for screenshots."""
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--disable-gpu", "--lang=en-US"]:
        options.add_argument(argument)
    options.binary_location = CHROMIUM
    # Leave dialogs open so that `no_alert_opens` can find them; the default dismisses them silently.
    options.unhandled_prompt_behavior = "ignore"
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS * 2)
    return driver


def wait_for(driver, condition, message, seconds=WAIT_SECONDS):
    """Waits until `condition(driver)` is truthy and returns its value; raises TimeoutException with `message`."""
    return WebDriverWait(driver, seconds).until(condition, message=message)


def wait_visible(driver, css, message=None):
    """Waits until the element matching `css` is displayed and returns it."""
    locator = (By.CSS_SELECTOR, css)
    return wait_for(driver, expected_conditions.visibility_of_element_located(locator),
                    message or f"no visible element matches {css}")


def find(driver, css):
    """Returns the first element matching `css`, or None."""
    elements = driver.find_elements(By.CSS_SELECTOR, css)
    return elements[0] if elements else None


def sign_in(driver, base_url, email, password, home_css):
    """Signs in through the login form and waits for the page element `home_css`."""
    driver.get(base_url + "/login")
    wait_visible(driver, "input[name=email]").send_keys(email)
    driver.find_element(By.CSS_SELECTOR, "input[name=password]").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "section.auth button[type=submit]").click()
    wait_visible(driver, home_css, f"signing in as {email} did not reach {home_css}")
    return f"signed in as {email}, at {driver.current_url}"


def sign_out(driver):
    """Signs out with the header's Sign out button and waits for the login form."""
    driver.find_element(By.CSS_SELECTOR, "form.signout button[type=submit]").click()
    wait_visible(driver, "section.auth input[name=email]", "signing out did not show the login form")


def save_screenshot(driver, screenshots, name):
    """Saves the window as `<screenshots>/<name>` and fails the step if Chromium wrote nothing."""
    path = os.path.join(screenshots, name)
    if not driver.save_screenshot(path):
        raise AssertionError(f"Chromium did not write the screenshot {path}")
    return path


def no_alert_opens(driver):
    """Raises AssertionError if an alert dialog is open, or opens within ALERT_WATCH_SECONDS."""
    try:
        WebDriverWait(driver, ALERT_WATCH_SECONDS).until(expected_conditions.alert_is_present())
    except TimeoutException:
        pass
    try:
        text = driver.switch_to.alert.text
    except NoAlertPresentException:
        return
    driver.switch_to.alert.dismiss()
    raise AssertionError(f"an alert dialog opened with text {text!r}")


def require(condition, message):
    """Raises AssertionError with `message` unless `condition` holds."""
    if not condition:
        raise AssertionError(message)
