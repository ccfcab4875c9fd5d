import type { ErrorCode } from '../errors/codes';
import type { ErrorParams } from '../errors/params';

const v = (p: ErrorParams, key: string, fallback = '?'): string => String(p[key] ?? fallback);

/** English messages for every {@link ErrorCode}. */
export const en: Record<ErrorCode, (p: ErrorParams) => string> = {
  VALIDATION_FAILED: (p) =>
    `${v(p, 'entity', 'input')} failed validation${p.count !== undefined ? `: ${v(p, 'count')} issue(s): ${v(p, 'rules', '')}` : p.summary ? `: ${p.summary}` : ''}`,
  INVALID_ARGUMENT: (p) => `${v(p, 'field', 'argument')}: ${v(p, 'rule', 'invalid value')}`,
  NOT_FOUND: (p) => `${v(p, 'entity', 'record')} ${v(p, 'id', '')} was not found`.replace('  ', ' '),
  CONCURRENCY_CONFLICT: (p) =>
    `${v(p, 'entity', 'record')} ${v(p, 'id', '')} was changed by someone else (expected version ${v(p, 'expected')}, found ${v(p, 'actual')})`,
  DUPLICATE_ID: (p) => `${v(p, 'entity', 'record')} ${v(p, 'id', '')} already exists`,
  INVALID_TRANSITION: (p) => `event ${v(p, 'event')} is not allowed in stage ${v(p, 'from')}`,
  INVALID_MONEY: (p) => `${v(p, 'field', 'amount')}: ${v(p, 'rule', 'not a valid decimal amount')}`,
  INVALID_CURRENCY: (p) => `${v(p, 'field', 'currency')}: not an ISO 4217 currency code`,
  CURRENCY_MISMATCH: (p) => `cannot combine ${v(p, 'left')} with ${v(p, 'right')}: currencies differ`,
  INVALID_DATE: (p) => `${v(p, 'field', 'date')}: not a valid date`,
  ABORTED: (p) => `${v(p, 'operation', 'operation')} was aborted`,
  INVALID_RULE: (p) => `segment rule at ${v(p, 'path', 'root')}: ${v(p, 'rule', 'invalid')}`,
  UNKNOWN_FIELD: (p) => `segment rule at ${v(p, 'path', 'root')}: unknown field ${v(p, 'field')}`,
  UNKNOWN_OPERATOR: (p) => `segment rule at ${v(p, 'path', 'root')}: unknown operator ${v(p, 'op')}`,
  RULE_TOO_DEEP: (p) => `segment rule is nested deeper than ${v(p, 'max')} levels`,
  UNKNOWN_STAGE: (p) => `unknown lifecycle stage ${v(p, 'stage')}`,
  UNKNOWN_EVENT: (p) => `unknown lifecycle event ${v(p, 'event')}`,
  INVALID_LIFECYCLE: (p) => `lifecycle definition is invalid: ${v(p, 'rule')}`,
  INVALID_PIPELINE: (p) => `pipeline definition is invalid: ${v(p, 'rule')}`,
  MODEL_NOT_CONVERGED: (p) => `${v(p, 'model', 'model')} fit did not converge after ${v(p, 'iterations')} iterations`,
  INSUFFICIENT_DATA: (p) => `${v(p, 'model', 'model')} needs ${v(p, 'rule', 'more data')}`,
  INVALID_MODEL: (p) => `${v(p, 'model', 'model')} is not a valid fitted model: ${v(p, 'rule', 'invalid')}`,
  INVALID_SURVEY: (p) => `survey definition is invalid: ${v(p, 'rule')}`,
  UNKNOWN_QUESTION: (p) => `response answers unknown question ${v(p, 'question')}`,
  ANSWER_OUT_OF_SCALE: (p) => `answer to ${v(p, 'question')} is outside its scale ${v(p, 'scale')}`,
  DUPLICATE_RESPONSE: (p) => `a response from this customer to survey ${v(p, 'survey')} already exists`,
  INVALID_PROGRAM: (p) => `loyalty program is invalid: ${v(p, 'rule')}`,
  INSUFFICIENT_POINTS: (p) => `insufficient points: ${v(p, 'requested')} requested, ${v(p, 'available')} available`,
  IDEMPOTENCY_CONFLICT: (p) => `idempotency key ${v(p, 'key')} was already used for a different entry`,
  BALANCE_MISMATCH: (p) => `points balance is ${v(p, 'actual')}, expected ${v(p, 'expected')}`,
  INVALID_MERGE: (p) => `cannot merge: ${v(p, 'rule')}`,
  LIKELY_DUPLICATE: (p) => `${v(p, 'entity', 'record')} is likely a duplicate of ${v(p, 'count')} existing record(s)`,
  // privacy
  FORBIDDEN: (p) => `${v(p, 'role', 'this role')} may not ${v(p, 'action', 'access')} ${v(p, 'entity', 'this record')}`,
  FORBIDDEN_FIELD: (p) => `${v(p, 'role', 'this role')} may not ${v(p, 'action', 'write')} field ${v(p, 'field')}`,
  DECRYPTION_FAILED: (p) => `${v(p, 'field', 'value')}: could not be decrypted (${v(p, 'rule', 'wrong key or tampered ciphertext')})`,
};
