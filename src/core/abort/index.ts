import { CrmError } from '../errors/CrmError';

/**
 * How far a long operation has got: `done` units of `total` in the named `phase`.
 *
 * @example
 * ```ts
 * const p: Progress = { phase: 'compare', done: 500, total: 2000 };
 * ```
 */
export interface Progress {
  /** What the operation is doing now, for example `'block'`, `'compare'`, `'fit'`. */
  readonly phase: string;
  /** Units of work finished in this phase. */
  readonly done: number;
  /** Units of work in this phase, when known in advance. */
  readonly total?: number;
}

/**
 * Options every long operation takes: an `AbortSignal` to stop it, and a progress callback.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const options: LongRunningOptions = { signal: controller.signal, onProgress: (p) => void p.done };
 * ```
 */
export interface LongRunningOptions {
  /** Aborts the operation: it throws a CrmError `ABORTED` at its next check. */
  readonly signal?: AbortSignal;
  /** Called now and then with the progress made; it must not throw. */
  readonly onProgress?: (progress: Progress) => void;
}

/**
 * Throws a {@link CrmError} `ABORTED` when `signal` has been aborted; does nothing otherwise.
 * Long operations call it between chunks of work.
 *
 * @param signal - the caller's signal, if any
 * @param operation - the operation's name, for the message (for example `findDuplicates`)
 * @throws {CrmError} `ABORTED`
 *
 * @example
 * ```ts
 * import { throwIfAborted, CrmError } from 'crmkit';
 * const controller = new AbortController();
 * throwIfAborted(controller.signal, 'fitBgNbd');
 * controller.abort();
 * const error = new CrmError('ABORTED', { params: { operation: 'fitBgNbd' } });
 * error.message;
 * //=> 'fitBgNbd was aborted'
 * ```
 * After `abort()`, `throwIfAborted(controller.signal, 'fitBgNbd')` throws that error.
 * ```ts
 * import { CrmError } from 'crmkit';
 * new CrmError('ABORTED', { params: { operation: 'fitBgNbd' } }).code;
 * //=> 'ABORTED'
 * ```
 */
export function throwIfAborted(signal: AbortSignal | undefined, operation: string): void {
  if (signal?.aborted === true) {
    throw new CrmError('ABORTED', { params: { operation }, cause: signal.reason });
  }
}
