#!/usr/bin/python3
"""SMTP server on 127.0.0.1 for the email intake and notification tests, built on python3-aiosmtpd.

It listens on a free port, writes that port to OUT/port, and stores each accepted message as
OUT/message-N.eml (the bytes after DATA) and OUT/message-N.json (envelope).

Tests change its replies while it runs through files in OUT:
  OUT/data-reply       when present, its first line is the reply to DATA instead of accepting,
                       such as "451 4.3.0 Try again later"; every refused DATA is counted in
                       OUT/refused-data.log.
  OUT/rcpt-reply.json  an object mapping a recipient address to the reply for RCPT TO,
                       such as {"nobody@example.com": "550 5.1.1 Mailbox unavailable"}.
"""

import argparse
import asyncio
import json
import os
import signal

from aiosmtpd.smtp import SMTP


def read_text(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


class ControlledHandler:
    def __init__(self, out):
        self.out = out
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        replies = json.loads(read_text(os.path.join(self.out, "rcpt-reply.json")) or "{}")
        if address.lower() in replies:
            return replies[address.lower()]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        reply = read_text(os.path.join(self.out, "data-reply"))
        if reply:
            with open(os.path.join(self.out, "refused-data.log"), "a", encoding="utf-8") as handle:
                handle.write(",".join(envelope.rcpt_tos) + "\n")
            return reply.splitlines()[0]
        self.count += 1
        base = os.path.join(self.out, f"message-{self.count:04d}")
        with open(base + ".eml.tmp", "wb") as handle:
            handle.write(envelope.original_content)
        record = {"mailFrom": envelope.mail_from, "rcptTos": envelope.rcpt_tos}
        with open(base + ".json", "w", encoding="utf-8") as handle:
            json.dump(record, handle)
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 2.0.0 Message accepted"


async def serve(arguments):
    handler = ControlledHandler(arguments.out)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="flatdesk-test", auth_require_tls=False), "127.0.0.1", 0
    )
    port = server.sockets[0].getsockname()[1]
    with open(os.path.join(arguments.out, "port.tmp"), "w", encoding="utf-8") as handle:
        handle.write(str(port))
    os.rename(os.path.join(arguments.out, "port.tmp"), os.path.join(arguments.out, "port"))
    await server.serve_forever()


def main():
    # The test process starts children with most signals blocked; unblock them so SIGTERM stops the server.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True, help="folder for the port file, control files and messages")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
