#!/usr/bin/env python3
"""transfers.py: land change files of balanced transfers, for the
subscription tests and benchmark (scripts/subscription_test.sh,
test/bench/bench_subscription.sh).

Each source transaction moves an amount between two accounts (two U
records), and one in ten also moves an account to a new number (a D and
an I with the same balance): after every whole transaction the accounts
number --accounts and their balances sum to 1000 per account, so a reader
that ever sees another count or sum has seen part of a transaction.  The
first transaction inserts the accounts.

Files are CSV (op,position,txid,commit_ts,id,balance), named
f00000001.csv ..., landed by the rule of --landing: 'rename' (written as
.NAME.tmp, renamed into place), 'marker' (NAME.done written after NAME) or
'stable' (written in place).  --rate paces them (changes per second; each
file holds --interval seconds of them, with commit times spread over the
interval before it lands, so that a late run commits late rather than in
the past); without --rate they land at once.

--reference FILE writes the final state (id,balance, by id) as computed
here, independently of zfdw; --counts prints "inserted updated deleted".
The same --seed gives the same changes.
"""
import argparse
import datetime
import os
import random
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--files", type=int, default=10)
    ap.add_argument("--txns", type=int, default=50, help="transactions per file (without --rate)")
    ap.add_argument("--accounts", type=int, default=1000)
    ap.add_argument("--landing", choices=["rename", "marker", "stable"], default="rename")
    ap.add_argument("--rate", type=float, default=0, help="changes per second")
    ap.add_argument("--interval", type=float, default=0.25, help="seconds of changes per file")
    ap.add_argument("--seconds", type=float, default=0, help="with --rate: land files for this long")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--reference")
    ap.add_argument("--counts", action="store_true")
    a = ap.parse_args()

    rng = random.Random(a.seed)
    balances = {}
    next_id = a.accounts + 1
    position = 0
    txid = 0
    counts = {"I": 0, "U": 0, "D": 0}

    def record(rows, op, ident, bal, ts):
        nonlocal position
        position += 1
        counts[op] += 1
        rows.append("%s,%d,%d,%s,%d,%d\n" % (op, position, txid, ts, ident, bal))

    # the accounts in a list as well, for sampling; a moved account takes
    # the place of the one it replaces, so that each pick is O(1) and the
    # choice is the same for a seed
    keylist = []
    index = {}

    def transaction(rows, ts):
        nonlocal txid, next_id
        txid += 1
        if not balances:
            for i in range(1, a.accounts + 1):
                balances[i] = 1000
                index[i] = len(keylist)
                keylist.append(i)
                record(rows, "I", i, 1000, ts)
            return
        x, y = rng.sample(keylist, 2)
        amount = rng.randint(1, 100)
        balances[x] -= amount
        balances[y] += amount
        record(rows, "U", x, balances[x], ts)
        record(rows, "U", y, balances[y], ts)
        if rng.random() < 0.1:
            old = keylist[rng.randrange(len(keylist))]
            bal = balances.pop(old)
            new = next_id
            next_id += 1
            balances[new] = bal
            i = index.pop(old)
            keylist[i] = new
            index[new] = i
            record(rows, "D", old, bal, ts)
            record(rows, "I", new, bal, ts)

    def land(n, rows):
        name = os.path.join(a.dir, "f%08d.csv" % n)
        data = "".join(rows)
        if a.landing == "rename":
            tmp = os.path.join(a.dir, ".f%08d.csv.tmp" % n)
            with open(tmp, "w") as f:
                f.write(data)
            os.chmod(tmp, 0o644)
            os.rename(tmp, name)
        else:
            with open(name, "w") as f:
                f.write(data)
            os.chmod(name, 0o644)
            if a.landing == "marker":
                with open(name + ".done", "w"):
                    pass

    def iso(t):
        return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).isoformat()

    late = 0.0
    if a.rate > 0:
        per_file = max(1, int(round(a.rate * a.interval / 2.2)))  # ~2.2 changes per txn
        start = time.time()
        n = 0
        nfiles = a.files if a.seconds <= 0 else int(a.seconds / a.interval)
        while n < nfiles:
            n += 1
            t0 = start + (n - 1) * a.interval
            t1 = t0 + a.interval
            delay = t1 - time.time()
            if delay > 0:
                time.sleep(delay)
            late = max(late, -delay)
            # the transactions commit over the interval before the file
            # lands: when this program runs late (a busy machine), they
            # commit late too, and the rate achieved drops below --rate
            t1 = time.time()
            rows = []
            for k in range(per_file if n > 1 else 1):
                transaction(rows, iso(t1 - a.interval + a.interval * k / per_file))
            land(n, rows)
        elapsed = time.time() - start
        print("transfers.py: landed %d files, %d changes in %.1f s (%.0f changes/s), at most %.3f s behind schedule"
              % (n, sum(counts.values()), elapsed, sum(counts.values()) / elapsed, late),
              file=sys.stderr)
    else:
        for n in range(1, a.files + 1):
            rows = []
            for k in range(a.txns if n > 1 else 1):
                transaction(rows, iso(time.time()))
            land(n, rows)

    if a.reference:
        with open(a.reference, "w") as f:
            for i in sorted(balances):
                f.write("%d,%d\n" % (i, balances[i]))
        os.chmod(a.reference, 0o644)
    if a.counts:
        print(counts["I"], counts["U"], counts["D"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
