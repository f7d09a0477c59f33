#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A static HTTP server on 127.0.0.1 for the sync tests, which can be told to misbehave.

Prints "PORT <n>" on stdout once it listens, then serves the files of the current root
folder with an ETag (If-None-Match gives 304). Controlled over HTTP:

  GET /_control?root=DIR                serve DIR
  GET /_control?mode=MODE&target=TEXT   misbehave for paths ending in TEXT (default: all)
  GET /_control?mode=normal             behave again
  GET /_stats                           "requests N": requests served since the last reset
  GET /_control?reset=1                 reset the count

MODE is one of:
  404, 500          that status
  redirect          302 to the location= parameter
  redirect-no-location  302 without a Location header
  longer            the file plus 4096 extra bytes (Content-Length says so)
  endless           a chunked body that never ends
  trickle           the file at twenty bytes per second (never stalls, never ends in time)
  stall             read the request, never answer
  silent            accept the connection, never read the request, never answer
  trickle-headers   the status line and headers at one byte per second, never ending
  stall-body        headers and half the body, then nothing
  disappear         headers and half the body, then close the connection
"""

import hashlib
import itertools
import os
import socket
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

state = {"root": None, "mode": "normal", "target": "", "location": "", "requests": 0}
lock = threading.RLock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        if os.environ.get("BAKEN_SERVER_LOG"):
            sys.stderr.write("server: " + format % args + "\n")

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        with lock:
            silent = state["mode"] == "silent"
        if silent:
            # Every request on a new connection, so the one to be silent about is the
            # first on its connection and is never read.
            self.send_header("Connection", "close")
            self.close_connection = True
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle(self):
        # "silent" must not read the request; a peek at its first line says whether it
        # is one of ours (control requests are always answered) and which path it asks.
        with lock:
            mode, target = state["mode"], state["target"]
        if mode == "silent":
            path = self.peek_path()
            if path is not None and not path.startswith("/_") and \
                    (not target or urllib.parse.urlsplit(path).path.endswith(target)):
                with lock:
                    state["requests"] += 1
                time.sleep(60)
                return
        super().handle()

    def peek_path(self):
        data = b""
        deadline = time.monotonic() + 5
        while b"\r\n" not in data and len(data) < 8192 and time.monotonic() < deadline:
            data = self.connection.recv(8192, socket.MSG_PEEK)
            if not data:
                return None
            if b"\r\n" not in data:
                time.sleep(0.01)
        parts = data.split(b"\r\n", 1)[0].split(b" ")
        return parts[1].decode("latin-1") if len(parts) == 3 else None

    def control(self, query):
        with lock:
            if "root" in query:
                state["root"] = query["root"][0]
            if "mode" in query:
                state["mode"] = query["mode"][0]
                state["target"] = query.get("target", [""])[0]
                state["location"] = query.get("location", [""])[0]
            if "reset" in query:
                state["requests"] = 0
        self.reply(200, b"ok\n")

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        if url.path == "/_control":
            return self.control(query)
        if url.path == "/_stats":
            with lock:
                return self.reply(200, b"requests %d\n" % state["requests"])

        with lock:
            state["requests"] += 1
            root, mode, target, location = (state["root"], state["mode"], state["target"],
                                            state["location"])
        if target and not url.path.endswith(target):
            mode = "normal"

        if mode == "stall":
            time.sleep(60)
            return
        if mode == "trickle-headers":
            # Every byte restarts a stall timeout; only a deadline for the whole request
            # ends this.
            head = (b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                    b"X-Trickle: ")
            try:
                for i in itertools.count():
                    self.wfile.write(head[i:i + 1] if i < len(head) else b"x")
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass
            self.close_connection = True
            return
        if mode in ("404", "500"):
            return self.reply(int(mode), b"nope\n")
        if mode == "redirect":
            return self.reply(302, b"", [("Location", location)])
        if mode == "redirect-no-location":
            return self.reply(302, b"")

        name = urllib.parse.unquote(url.path).lstrip("/")
        path = os.path.join(root or "/nonexistent", name)
        if "/" in name or not os.path.isfile(path):
            return self.reply(404, b"not found\n")
        with open(path, "rb") as f:
            data = f.read()
        etag = '"%s"' % hashlib.sha256(data).hexdigest()[:32]

        if mode == "normal":
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            return self.reply(200, data, [("ETag", etag)])
        if mode == "longer":
            return self.reply(200, data + b"\0" * 4096)
        if mode == "endless":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"x" * 65536
            try:
                while True:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:
                return
        if mode == "trickle":
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                for i in range(len(data)):
                    self.wfile.write(data[i:i + 1])
                    self.wfile.flush()
                    # 20 times faster than the test's 1 s stall deadline, room for a
                    # busy machine: only the total timeout (3 s; 60 bytes) may stop a
                    # trickle, and every file it serves is far larger than that.
                    time.sleep(0.05)
            except OSError:
                return
        if mode in ("stall-body", "disappear"):
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            if mode == "stall-body":
                time.sleep(60)
            else:
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
            return
        self.reply(500, b"unknown mode\n")


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
