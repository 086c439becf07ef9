#!/usr/bin/python3
"""Drive a running `flatdesk serve` in headless Chromium through the console and portal flows.

Prints one JSON object, {"steps": [{"name", "ok", "detail"}, ...]}, on standard output, and progress and
tracebacks on standard error. Exits 0 when every step passed, 1 when a step failed and 2 when Chromium
could not start. Run it with Debian's /usr/bin/python3, which has python3-selenium.
"""

import argparse
import json
import os
import signal
import sys
import time

from browser_steps import StepRecorder, describe, start_chromium
from console_flow import run_console_flow
from injection_flow import run_injection_console_flow, run_injection_portal_flow
from portal_flow import run_other_customer_flow, run_portal_flow


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="server URL such as http://127.0.0.1:8080")
    parser.add_argument("--helpdesk", required=True, help="folder of the helpdesk the server serves")
    parser.add_argument("--flatdesk", required=True, help="path of the flatdesk executable")
    parser.add_argument("--screenshots", required=True, help="folder for the PNG screenshots")
    parser.add_argument("--password", required=True, help="password of every person below")
    parser.add_argument("--agent", required=True, help="email of the agent")
    parser.add_argument("--colleague", required=True, help="email of the staff member who edits from outside")
    parser.add_argument("--customer", required=True, help="email of the customer who submits requests")
    parser.add_argument("--other-customer", required=True, help="email of a customer of another organization")
    parser.add_argument("--agent-ticket", required=True, help="open ticket the agent works on, such as FD-20")
    parser.add_argument("--hidden-ticket", required=True, help="ticket the customer may not see")
    parser.add_argument("--hidden-subject", required=True, help="subject of --hidden-ticket")
    config = parser.parse_args()
    config.stamp = time.strftime("%H%M%S")
    return config


def run_flows(recorder, driver, config):
    """Runs every flow in order; `recorder` collects the steps."""
    state = {}
    run_console_flow(recorder, driver, config)
    run_portal_flow(recorder, driver, config, state)
    run_injection_portal_flow(recorder, driver, config, state)
    run_other_customer_flow(recorder, driver, config, state)
    run_injection_console_flow(recorder, driver, config, state)


def main():
    # The Swift test runner may start this script with SIGINT and SIGTERM blocked. Chromium and chromedriver
    # inherit the mask, so unblock both to let a timeout stop them.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    config = parse_arguments()
    os.makedirs(config.screenshots, exist_ok=True)
    try:
        driver = start_chromium()
    except Exception as error:  # noqa: BLE001 - reported as the only step
        step = {"name": "chromium-starts", "ok": False, "detail": f"{type(error).__name__}: {error}"}
        print(json.dumps({"steps": [step]}))
        return 2
    recorder = StepRecorder(driver, config.screenshots)
    try:
        run_flows(recorder, driver, config)
    except Exception as error:  # noqa: BLE001 - a crash outside a step still prints the steps so far
        recorder.record("flows-run", False, describe(error, driver))
    finally:
        driver.quit()
    print(json.dumps({"steps": recorder.results}, indent=1))
    return 0 if all(step["ok"] for step in recorder.results) else 1


if __name__ == "__main__":
    sys.exit(main())
