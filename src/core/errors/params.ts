/**
 * Parameters that fill in an error's message: field paths, rule names, counts. Never personal data.
 *
 * @example
 * ```ts
 * const params: ErrorParams = { field: 'phones.0', rule: 'cn_mobile' };
 * ```
 */
export type ErrorParams = Readonly<Record<string, string | number | boolean | undefined>>;
