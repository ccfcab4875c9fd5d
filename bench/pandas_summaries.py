"""Baseline for bench/pushdown.bench.ts: the RFM and CLV summaries as a pandas group-by.

Reads a CSV (customer, type, minor, ms) and prints JSON with the median group-by time of each
summary, wall and CPU (process_time: on a machine shared with other work, CPU time is the steadier
figure), and the mean CPU time (what many calls cost, collections included); reading the CSV is not timed, and neither is building crmkit's input objects on the Node side.
Each summary is timed twice: grouping on the integer customer codes of the CSV (`rfm`, `clv`: what
a pandas user with a dictionary-encoded column has) and on the customers' string ids, the same
text the Node side groups (`rfmStrings`, `clvStrings`: what a pandas user reading an id column of
text has; built from the codes before timing, as `c` + the code in 8 digits).
"""
import json
import sys
import time

import pandas as pd

path, as_of_ms, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
df = pd.read_csv(path, dtype={"customer": "int32", "type": "int8", "minor": "int64", "ms": "int64"})
DAY = 86_400_000


def rfm(df):
    d = df[df.ms <= as_of_ms]
    purchase = d.type == 0
    signed = d.minor.where(purchase, -d.minor)
    g = pd.DataFrame({"customer": d.customer, "p": purchase.astype("int64"), "signed": signed,
                      "last": d.ms.where(purchase)}).groupby("customer")
    out = g.agg(frequency=("p", "sum"), monetary=("signed", "sum"), last=("last", "max"))
    out["recency"] = (as_of_ms - out["last"]) // DAY
    return out


def clv(df):
    end = as_of_ms // DAY
    d = df[(df.type == 0)]
    d = d.assign(p=d.ms // DAY)
    d = d[d.p <= end]
    per = d.groupby(["customer", "p"], sort=True).minor.sum().reset_index()
    g = per.groupby("customer")
    out = g.agg(n=("p", "size"), first=("p", "min"), last=("p", "max"), total=("minor", "sum"), first_amt=("minor", "first"))
    out["frequency"] = out.n - 1
    out["recency"] = out["last"] - out["first"]
    out["T"] = end - out["first"]
    out["monetary"] = ((out.total - out.first_amt) / out.frequency.where(out.frequency > 0)).fillna(0).round()
    return out[out["T"] > 0]


by_string = df.assign(customer="c" + df.customer.astype(str).str.zfill(8))
result = {}
for name, fn, frame in (("rfm", rfm, df), ("clv", clv, df), ("rfmStrings", rfm, by_string), ("clvStrings", clv, by_string)):
    fn(frame)
    times = []
    cpu = []
    for _ in range(runs):
        t0 = time.perf_counter()
        c0 = time.process_time()
        rows = len(fn(frame))
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    mean = sum(cpu) / len(cpu)
    times.sort()
    cpu.sort()
    result[name] = {"medianMs": round(times[len(times) // 2], 2), "cpuMs": round(cpu[len(cpu) // 2], 2), "cpuMeanMs": round(mean, 2), "rows": rows}
print(json.dumps(result))
