export { SQL_DIALECTS, quoteIdentifier, type SqlDialect, type SqlText } from './dialect';
export { clickhouseLiteral } from './clickhouseLiteral';
export type { TransactionTable } from './transactionTable';
