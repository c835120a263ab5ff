#!/usr/bin/env python3
"""Drives N messages through the batch API as fast as the server accepts them, then waits until PostgreSQL has a
final status for every one and prints end-to-end throughput: from the first acceptance to the last receipt."""
import json, os, subprocess, sys, threading, time, urllib.request

url, key, total, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
database = os.environ.get("RISALA_BENCH_DB", "risala_bench")
batch, threads = 1000, 4
sent = 0
lock = threading.Lock()

def worker(start):
    global sent
    n = start
    while True:
        with lock:
            if sent >= total:
                return
            count = min(batch, total - sent)
            sent += count
        items = [{"to": "+96891%06d" % ((n + i) % 1000000), "text": "Alert %d: road closed near Muscat Expressway" % (n + i),
                  "reference": tag} for i in range(count)]
        n += count
        body = json.dumps({"messages": items}).encode()
        req = urllib.request.Request(url + "/api/v1/messages/batch", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + key})
        with urllib.request.urlopen(req, timeout=60) as r:
            if r.status != 202:
                raise SystemExit("batch refused: %s" % r.status)

def psql(sql):
    return subprocess.check_output(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-At", "-c", sql],
                                   text=True).strip()

t0 = time.time()
ws = [threading.Thread(target=worker, args=(5_000_000 + i * 1_000_000,)) for i in range(threads)]
[w.start() for w in ws]
[w.join() for w in ws]
accept_seconds = time.time() - t0
print("e2e: %d messages accepted in %.1f s (%.0f/s)" % (total, accept_seconds, total / accept_seconds))
while True:
    # the queue holds only messages that are not final: a scan of outbound_message every second would take a
    # tenth of a core from the system being measured
    pending = int(psql("SELECT count(*) FROM message_queue"))
    if pending == 0:
        break
    if time.time() - t0 > 900:
        raise SystemExit("still %d messages not final after 15 minutes" % pending)
    time.sleep(1)
row = psql("""SELECT count(*), count(*) FILTER (WHERE status = 'DELIVERED'),
                     EXTRACT(EPOCH FROM max(done_at) - min(accepted_at)),
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM done_at - accepted_at)),
                     percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM done_at - accepted_at))
              FROM outbound_message WHERE reference = '%s'""" % tag).split("|")
n, delivered, span, p50, p99 = int(row[0]), int(row[1]), float(row[2]), float(row[3]), float(row[4])
print("e2e: %d messages, %d DELIVERED, first acceptance to last receipt %.1f s -> %.0f delivered/s" %
      (n, delivered, span, delivered / span))
print("e2e: accept-to-receipt latency p50 %.2f s, p99 %.2f s (includes queueing behind the backlog)" % (p50, p99))
