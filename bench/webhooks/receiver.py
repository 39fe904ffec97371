#!/usr/bin/env python3
"""A storefront's webhook receiver for the kill bench: checks the Standard Webhooks signature,
appends "<webhook-id> <valid>" per request to a file, answers 200 after DELAY_MS.

    receiver.py PORT SECRET_FILE LOG_FILE DELAY_MS
The secret is read from SECRET_FILE on each request (it is known only after subscribing)."""
import base64, hashlib, hmac, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, secret_file, log_file, delay_ms = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
lock = threading.Lock()
out = open(log_file, "a", buffering=1)


def valid(headers, body):
    try:
        secret = open(secret_file).read().strip()
        key = base64.b64decode(secret.removeprefix("whsec_"))
        msg_id, ts = headers["webhook-id"], headers["webhook-timestamp"]
        expected = base64.b64encode(hmac.new(key, f"{msg_id}.{ts}.".encode() + body, hashlib.sha256).digest()).decode()
        return abs(time.time() - int(ts)) <= 300 and any(
            hmac.compare_digest(expected, s.split(",", 1)[1]) for s in headers["webhook-signature"].split() if s.startswith("v1,"))
    except Exception:
        return False


class Hook(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(delay_ms / 1000)
        ok = valid(self.headers, body)
        with lock:
            out.write(f"{self.headers.get('webhook-id')} {1 if ok else 0}\n")
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Hook).serve_forever()
