/**
 * The CDNOW sample as crmkit transactions: one purchase per line of examples/data/CDNOW_sample.txt
 * (see README.md beside it). The examples share this loader.
 */
import { readFileSync } from 'node:fs';
import { Money } from 'crmkit';
import type { Transaction } from 'crmkit/customer';

/** Where the sample ends (its 78 weeks run from 1997-01-01 to 1998-06-30). */
export const CDNOW_END = new Date('1998-06-30T00:00:00Z');

/**
 * Reads the sample. `customerId` turns the sample's customer number into an id (default: the
 * number without leading zeros); `shiftMs` moves every date (the backend moves the data to "now").
 */
export function loadCdnow(options: { customerId?: (n: number) => string; idPrefix?: string; shiftMs?: number } = {}): Transaction[] {
  const customerId = options.customerId ?? ((n: number) => String(n));
  const prefix = options.idPrefix ?? 't';
  const shift = options.shiftMs ?? 0;
  return readFileSync(new URL('./CDNOW_sample.txt', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line, i): Transaction => {
      const [id, , date, , dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
      const at = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
      return { id: `${prefix}${i}`, customerId: customerId(Number(id)), type: 'purchase', amount: Money.of(dollars, 'USD'), occurredAt: new Date(at + shift) };
    });
}
