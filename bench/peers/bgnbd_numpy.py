"""A numpy/scipy BG/NBD + Gamma-Gamma baseline: the likelihoods as lifetimes writes them
(log-parameterised, scipy.optimize.minimize), with finite-difference gradients because autograd is
not installable here. Our own code; used as the 'what a Python user would run' timing baseline.

Source: copied from /work/shared/peers/bgnbd_numpy.py (the team's shared peer scripts), with one
addition for issue 20: `--columns FILE` fits the BG/NBD once per run on a headerless CSV of
frequency,recency,T rows (the continuous-T data bench/clvContinuous.bench.ts writes) and prints
its median time over `--runs` runs.
Usage: python3 bgnbd_numpy.py SUMMARY_WITH_TRANSACTIONS.csv [scale ...]
       python3 bgnbd_numpy.py --columns FILE.csv [--runs N]"""
import sys, time, json
import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, betaln

def bg_nll(logp, x, tx, T, w):
    r, alpha, a, b = np.exp(logp)
    A1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    A3 = -(r + x) * np.log(alpha + T)
    A4 = np.where(x > 0, np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(tx + alpha), -np.inf)
    ll = A1 + A2 + np.logaddexp(A3, A4)
    return -(ll * w).sum() / w.sum()

def gg_nll(logp, x, m, w):
    p, q, v = np.exp(logp)
    ll = (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v)
          + (p * x - 1) * np.log(m) + (p * x) * np.log(x) - (p * x + q) * np.log(x * m + v))
    return -(ll * w).sum() / w.sum()

def fit(nll, k, *data):
    t = time.perf_counter()
    res = minimize(nll, np.zeros(k), args=data, method="BFGS", tol=1e-7)
    return np.exp(res.x), -res.fun * data[-1].sum(), time.perf_counter() - t

def median_time(f, n=5):
    ts = []
    for _ in range(n):
        out = f(); ts.append(out[-1])
    return out, float(np.median(ts))

if sys.argv[1] == "--columns":
    runs = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--runs" else 3
    c = np.loadtxt(sys.argv[2], delimiter=",", ndmin=2)
    x, tx, T = c[:, 0], c[:, 1], c[:, 2]
    (pb, llb, _), tb = median_time(lambda: fit(bg_nll, 4, x, tx, T, np.ones_like(x)), n=runs)
    print(json.dumps({"model": "bgnbd", "n": len(x), "continuous": True, "params": dict(zip(["r", "alpha", "a", "b"], pb.tolist())), "ll": llb, "median_s": round(tb, 4)}))
    sys.exit(0)

d = np.genfromtxt(sys.argv[1], delimiter=",", names=True)
x, tx, T, z = d["x"].astype(float), d["t_x"], d["T"], d["zbar"]
w = np.ones_like(x)
(pb, llb, _), tb = median_time(lambda: fit(bg_nll, 4, x, tx, T, w))
print(json.dumps({"model": "bgnbd", "n": len(x), "params": dict(zip(["r", "alpha", "a", "b"], pb.round(4).tolist())), "ll": round(llb, 2), "median_s": round(tb, 4)}))
rep = x > 0
(pg, llg, _), tg = median_time(lambda: fit(gg_nll, 3, x[rep], z[rep], np.ones(rep.sum())))
print(json.dumps({"model": "gammagamma", "n": int(rep.sum()), "params": dict(zip(["p", "q", "v"], pg.round(3).tolist())), "ll": round(llg, 2), "median_s": round(tg, 4)}))
rng = np.random.default_rng(7)
for scale in [int(s) for s in sys.argv[2:]]:
    i = rng.integers(0, len(x), scale)
    (ps, _, _), ts = median_time(lambda: fit(bg_nll, 4, x[i], tx[i], T[i], np.ones(scale)), n=3)
    print(json.dumps({"model": "bgnbd", "n": scale, "params": dict(zip(["r", "alpha", "a", "b"], ps.round(4).tolist())), "median_s": round(ts, 3)}))
