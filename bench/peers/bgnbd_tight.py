"""The BG/NBD maximum on a frequency,recency,T CSV (no header), with bgnbd_numpy.py's likelihood
(lifetimes' formulation) minimised tightly: scipy BFGS with gtol 1e-11, then Nelder-Mead polishing
to xatol 1e-12. The reference for test/clv/fitScale.test.ts (CDNOW to 1e-6).
Usage: tail -n +2 test/clv/fixtures/cdnow_customers_summary_with_transactions.csv | cut -d, -f2-4 > /tmp/c.csv
       python3 bench/peers/bgnbd_tight.py /tmp/c.csv"""
import sys, json
import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln

def bg_nll(logp, x, tx, T):
    r, alpha, a, b = np.exp(logp)
    A1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    A3 = -(r + x) * np.log(alpha + T)
    A4 = np.where(x > 0, np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(tx + alpha), -np.inf)
    return -(A1 + A2 + np.logaddexp(A3, A4)).mean()

c = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
x, tx, T = c[:, 0], c[:, 1], c[:, 2]
res = minimize(bg_nll, np.zeros(4), args=(x, tx, T), method="BFGS", options={"gtol": 1e-11})
res = minimize(bg_nll, res.x, args=(x, tx, T), method="Nelder-Mead", options={"xatol": 1e-12, "fatol": 1e-15, "maxiter": 20000})
print(json.dumps({"params": dict(zip(["r", "alpha", "a", "b"], np.exp(res.x).tolist())), "ll": -res.fun * len(x)}))
