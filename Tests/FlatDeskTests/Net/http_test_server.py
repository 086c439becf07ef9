#!/usr/bin/python3
"""HTTP server on 127.0.0.1 for the OutboundHTTPClient tests, built on Python's http.server.

It listens on a free port and writes that port to OUT/port. Every response is a JSON
echo of the request method, path, headers and base64 body. The path /status/NNN sets the response status,
/large/N returns N bytes, /redirect replies 302 to /echo, and /slow/S waits S seconds first.
Each response carries the header X-Test-Server: echo.
"""

import argparse
import base64
import json
import os
import signal
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class EchoHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = self.path.strip("/").split("/")
        status = 200
        payload = None
        if parts[0] == "status" and len(parts) > 1:
            status = int(parts[1])
        elif parts[0] == "large" and len(parts) > 1:
            payload = b"x" * int(parts[1])
        elif parts[0] == "slow" and len(parts) > 1:
            time.sleep(float(parts[1]))
        elif parts[0] == "redirect":
            self.send_response(302)
            self.send_header("Location", "/echo")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if payload is None:
            echo = {
                "method": self.command,
                "path": self.path,
                "headers": [[name, value] for name, value in self.headers.items()],
                "body": base64.b64encode(body).decode(),
            }
            payload = json.dumps(echo).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Test-Server", "echo")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = handle_any

    def log_message(self, format, *args):
        pass


def main():
    # The test process spawns servers with most signals blocked; unblock them so SIGTERM stops the server.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True, help="folder for the port file")
    arguments = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), EchoHandler)
    with open(os.path.join(arguments.out, "port.tmp"), "w") as handle:
        handle.write(str(server.server_address[1]))
    os.rename(os.path.join(arguments.out, "port.tmp"), os.path.join(arguments.out, "port"))
    server.serve_forever()


if __name__ == "__main__":
    main()
