#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A small HSDS 3.0 API on 127.0.0.1 for the import tests.

Usage: api-server.py ROOT [MODE]

Prints "PORT <n>" on stdout once it listens, and stops when its stdin closes. Serves

  GET /services?page=N    ROOT/page-N.json (404 when there is no such file)
  GET /services/ID        ROOT/service-ID.json

as application/json. MODE makes it misbehave:

  stall       page 2 is never answered (the import's deadline must end it)
  huge        page 1 is an endless chunked answer (the size cap must end it)
  redirect    page 1 redirects to an http URL on another host
"""

import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = sys.argv[1]
MODE = sys.argv[2] if len(sys.argv) > 2 else "normal"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        if os.environ.get("BAKEN_SERVER_LOG"):
            sys.stderr.write("api-server: " + format % args + "\n")

    def reply(self, status, body, content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        if url.path == "/services":
            page = query.get("page", ["1"])[0]
            if MODE == "stall" and page == "2":
                time.sleep(3600)
                return
            if MODE == "huge" and page == "1":
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b" " * 65536
                try:
                    while True:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                except OSError:
                    return
            if MODE == "redirect" and page == "1":
                self.send_response(302)
                self.send_header("Location", "http://example.invalid/services?page=1")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            name = "page-%s.json" % page
        elif url.path.startswith("/services/"):
            name = "service-%s.json" % urllib.parse.unquote(url.path[len("/services/"):])
        else:
            self.reply(404, b"{}")
            return
        path = os.path.join(ROOT, os.path.basename(name))
        if not os.path.isfile(path):
            self.reply(404, b'{"error": "not found"}')
            return
        with open(path, "rb") as f:
            self.reply(200, f.read())


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    # Stop when the test that started us goes away (stdin closes).
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
