#!/usr/bin/python3
"""SMTP server on 127.0.0.1 for the SMTPClient tests, built on Debian's python3-aiosmtpd.

It listens on a free port, writes that port to OUT/port, and stores each accepted message as
OUT/message-N.eml (the bytes after DATA) and OUT/message-N.json (envelope and AUTH login).
With --reject-stage and --reject-reply it replies to RCPT or DATA with the given error instead.
With --user and --password it offers AUTH PLAIN and LOGIN over plain text and requires them.
"""

import argparse
import asyncio
import json
import os
import signal

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class RecordingHandler:
    def __init__(self, out, reject_stage, reject_reply):
        self.out = out
        self.reject_stage = reject_stage
        self.reject_reply = reject_reply
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject_stage == "rcpt":
            return self.reject_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.reject_stage == "data":
            return self.reject_reply
        self.count += 1
        base = os.path.join(self.out, f"message-{self.count}")
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        with open(base + ".eml", "wb") as handle:
            handle.write(envelope.original_content)
        envelope_record = {"mailFrom": envelope.mail_from, "rcptTos": envelope.rcpt_tos, "login": login}
        with open(base + ".json", "w") as handle:
            json.dump(envelope_record, handle)
        return "250 2.0.0 Message accepted"


def make_authenticator(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        valid = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == user
            and auth_data.password.decode() == password
        )
        return AuthResult(success=valid, handled=False, auth_data=auth_data)

    return authenticate


async def serve(arguments):
    handler = RecordingHandler(arguments.out, arguments.reject_stage, arguments.reject_reply)
    options = {"hostname": "flatdesk-test", "auth_require_tls": False}
    if arguments.user is not None:
        options["authenticator"] = make_authenticator(arguments.user, arguments.password)
        options["auth_required"] = True
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, **options), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    with open(os.path.join(arguments.out, "port.tmp"), "w") as handle:
        handle.write(str(port))
    os.rename(os.path.join(arguments.out, "port.tmp"), os.path.join(arguments.out, "port"))
    await server.serve_forever()


def main():
    # The test process spawns servers with most signals blocked; unblock them so SIGTERM stops the server.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True, help="folder for the port file and received messages")
    parser.add_argument("--reject-stage", choices=["rcpt", "data"], help="SMTP command to answer with an error")
    parser.add_argument("--reject-reply", default="550 5.1.1 Mailbox unavailable", help="error reply to send")
    parser.add_argument("--user", help="AUTH user name; enables and requires AUTH")
    parser.add_argument("--password", default="", help="AUTH password")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
