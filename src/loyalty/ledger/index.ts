export { LedgerEntrySchema, sameEntry, type LedgerEntry, type LedgerEntryType } from './entry';
export { balance, openLots, type AsOfOptions, type PointsLot } from './balance';
export { expiringSoon, type ExpiringPoints, type ExpiringSoonOptions } from './expiringSoon';
export { applyExpiry, ledgerStatus, type LedgerStatus } from './applyExpiry';
export { redeem, type RedeemOptions } from './redeem';
export { reverse, type ReverseOptions, type ReverseResult } from './reverse';
export { assertSpendable } from './assertSpendable';
export { releasePending, type PendingLot, type PendingRelease, type ReleasePendingOptions } from './releasePending';
