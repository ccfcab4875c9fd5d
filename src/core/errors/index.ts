export { ERROR_CODES, type ErrorCode } from './codes';
export { CrmError, isCrmError, type CrmErrorDetails, type CrmErrorOptions, type ErrorParams } from './CrmError';
export { assert } from './assert';
