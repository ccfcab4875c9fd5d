/**
 * The power series of ₂F₁(a, b; c; z) with its coefficients cached, for evaluating the same
 * (a, b, c) at many z without a division per term: c₀ = 1, cₖ = cₖ₋₁ (a+k−1)(b+k−1) / ((c+k−1) k)
 * (Abramowitz & Stegun 15.1.1). Summation stops when a term no longer changes the sum in
 * float64 (internal).
 */
export class HypergeometricSeries {
  #coef: Float64Array;
  #n = 1;
  readonly #a: number;
  readonly #b: number;
  readonly #c: number;

  constructor(a: number, b: number, c: number) {
    this.#a = a;
    this.#b = b;
    this.#c = c;
    this.#coef = new Float64Array(64);
    this.#coef[0] = 1;
  }

  #grow(): void {
    const next = new Float64Array(this.#coef.length * 2);
    next.set(this.#coef);
    for (let k = this.#n; k < next.length; k++) {
      next[k] = ((next[k - 1] as number) * (this.#a + k - 1) * (this.#b + k - 1)) / ((this.#c + k - 1) * k);
    }
    this.#n = next.length;
    this.#coef = next;
  }

  /** ₂F₁(a, b; c; z) for 0 ≤ z < 1. */
  value(z: number): number {
    if (this.#n === 1) this.#grow();
    let sum = 1;
    let zk = 1;
    for (let k = 1; k < 1_000_000; k++) {
      if (k >= this.#n) this.#grow();
      zk *= z;
      const term = (this.#coef[k] as number) * zk;
      const next = sum + term;
      if (next === sum) return sum;
      sum = next;
    }
    return NaN;
  }
}
