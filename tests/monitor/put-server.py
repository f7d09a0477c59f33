#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A server on 127.0.0.1 that takes the kiosk's reports by PUT, or fails as told.

Usage: put-server.py ROOT TOKEN MODE
Prints "PORT <n>" once it listens. A PUT of /PATH with "Authorization: Bearer TOKEN"
is stored as ROOT/PATH (201); every PUT is counted per path. MODE, for faults no real
server makes on demand:
  normal   store it
  500      answer 500 without storing
  stall    read the request, never answer
GET /_stats answers one line per path: "PUTS PATH" (every PUT that arrived, stored or not).
"""

import os
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

root, token, mode = sys.argv[1], sys.argv[2], sys.argv[3]
puts = {}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def reply(self, status, body=b""):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path != "/_stats":
            self.reply(404)
            return
        with lock:
            lines = "".join("%d %s\n" % (n, p) for p, n in sorted(puts.items()))
        self.reply(200, lines.encode())

    def do_PUT(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        with lock:
            puts[self.path] = puts.get(self.path, 0) + 1
        if mode == "stall":
            time.sleep(3600)
            return
        if mode == "500":
            self.reply(500)
            return
        if self.headers.get("Authorization") != "Bearer " + token:
            self.reply(401)
            return
        path = os.path.join(root, self.path.lstrip("/"))
        if ".." in self.path.split("/"):
            self.reply(400)
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(body)
        self.reply(201)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    address_family = socket.AF_INET


server = Server(("127.0.0.1", 0), Handler)
print("PORT %d" % server.server_address[1], flush=True)
# Ends with the test: when its stdin closes.
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
