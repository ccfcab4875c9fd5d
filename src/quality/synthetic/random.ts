import { mulberry32 } from '../../core/random';

export { mulberry32 };

/** Helpers over a random source. */
export interface Rng {
  readonly next: () => number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  digits(k: number): string;
}

/** Wraps a float source with integer, choice and digit helpers. */
export function rng(next: () => number): Rng {
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
    digits: (k) => {
      let s = '';
      for (let i = 0; i < k; i++) s += String(Math.floor(next() * 10));
      return s;
    },
  };
}
