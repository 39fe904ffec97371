"""Replay storm client for bench/faults/replay-storm.sh.

Builds ORDERS orders of four events each (placed, paid, shipped, delivered), sends every event
1 to 3 times (at random), all deliveries shuffled together, spread over the given app instances
by a pool of concurrent senders, and counts the answers. Prints one JSON line of figures.

    python3 storm.py KEY ORDERS SENDERS SEED URL [URL...]
"""
import json
import random
import sys
import threading
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

key, orders, senders, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
urls = sys.argv[5:]
rng = random.Random(seed)
JST = timezone(timedelta(hours=9))
start = datetime.now(JST).replace(microsecond=0) - timedelta(days=20)


def events_of(n):
    number = f"STORM-{seed}-{n}"
    placed = start + timedelta(minutes=n)
    customer = {"email": f"storm-{seed}-{n % (orders // 2 or 1)}@example.jp", "name": "嵐 太郎"}
    order = {"number": number}
    yield {"id": f"evt-{number}-placed", "type": "order.placed", "occurredAt": placed.isoformat(),
           "order": {"number": number, "currency": "JPY", "paymentMethod": "CARD", "customer": customer,
                     "lines": [{"sku": "TS-001", "name": "Tシャツ", "quantity": 1, "unitPrice": 1800},
                               {"sku": "MUG-02", "name": "マグカップ", "quantity": 2, "unitPrice": 1200}],
                     "shipping": {"discreet": False, "postalCode": "150-0001", "prefecture": "東京都",
                                  "address": "渋谷区神宮前1-2-3"}}}
    yield {"id": f"evt-{number}-paid", "type": "order.paid",
           "occurredAt": (placed + timedelta(hours=1)).isoformat(), "order": order}
    yield {"id": f"evt-{number}-shipped", "type": "order.shipped",
           "occurredAt": (placed + timedelta(days=1)).isoformat(),
           "order": {"number": number, "shipping": {"carrier": "yamato", "trackingNumber": f"4{n:011d}"}}}
    yield {"id": f"evt-{number}-delivered", "type": "order.delivered",
           "occurredAt": (placed + timedelta(days=3)).isoformat(), "order": order}


deliveries = []
events = 0
for n in range(orders):
    for event in events_of(n):
        events += 1
        body = json.dumps(event, ensure_ascii=False).encode()
        deliveries += [body] * rng.randint(1, 3)
rng.shuffle(deliveries)

statuses = Counter()
errors = Counter()
lock = threading.Lock()


def send(i_body):
    i, body = i_body
    url = urls[i % len(urls)] + "/api/v1/events"
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Authorization": "Bearer " + key, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status = response.status
    except urllib.error.HTTPError as e:
        status = e.code
        if status >= 500 or status not in (409,):
            with lock:
                errors[f"{status} {e.read()[:200].decode(errors='replace')}"] += 1
    except OSError as e:
        status = "connection error"
        with lock:
            errors[str(e)[:200]] += 1
    with lock:
        statuses[status] += 1


with ThreadPoolExecutor(max_workers=senders) as pool:
    list(pool.map(send, enumerate(deliveries)))

print(json.dumps({"orders": orders, "events": events, "deliveries": len(deliveries),
                  "statuses": {str(k): v for k, v in sorted(statuses.items(), key=str)},
                  "errors": dict(errors.most_common(10))}, ensure_ascii=False))
