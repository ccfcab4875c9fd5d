import { assert } from './errors';
import { requireDate } from '../core/time';
import { type OpportunityBook, bookOf } from './book';
import { type Pipeline, type PipelineIndex, pipelineIndex, stagePosition } from './definePipeline';
import type { Opportunity } from './opportunity';

/** A book read against one pipeline: `position[s]` is the pipeline position of book stage `s`. */
export interface BookView {
  readonly book: OpportunityBook;
  readonly index: PipelineIndex;
  readonly position: Int32Array;
}

/** Reads deals (array or book) against a pipeline; UNKNOWN_STAGE for a stage not in it. */
export function viewOf(pipeline: Pipeline, deals: OpportunityBook | readonly Opportunity[]): BookView {
  const index = pipelineIndex(pipeline);
  const book = bookOf(deals);
  const position = Int32Array.from(book.stages, (s: string) => stagePosition(index, s));
  return { book, index, position };
}

/** The history entry of deal `i` in force at `t` (the last one entered at or before), or -1. */
export function entryAt(book: OpportunityBook, i: number, t: number): number {
  const first = book.historyStart[i] as number;
  for (let h = (book.historyStart[i + 1] as number) - 1; h >= first; h--) if ((book.historyAt[h] as number) <= t) return h;
  return -1;
}

/** A half-open window [start, end) in epoch ms; `end` may lie after `asOf` (close dates are future). */
export function windowOf(period: { readonly start: Date; readonly end: Date } | undefined, field = 'period'): [number, number] {
  assert(period !== null && typeof period === 'object', 'INVALID_ARGUMENT', { params: { field, rule: 'is required' } });
  const start = requireDate(period.start, `${field}.start`).getTime();
  const end = requireDate(period.end, `${field}.end`).getTime();
  assert(start < end, 'INVALID_ARGUMENT', { params: { field, rule: 'start must be before end' } });
  return [start, end];
}
