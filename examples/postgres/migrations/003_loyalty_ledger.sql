-- The points ledger: append-only, one row per entry, keyed by the entry id (its idempotency key).
CREATE TABLE loyalty_ledger (
  id text COLLATE "C" PRIMARY KEY,
  customer_id text COLLATE "C" NOT NULL,
  type text NOT NULL CHECK (type IN ('earn', 'redeem', 'expire', 'adjust', 'reverse')),
  points bigint NOT NULL CHECK (points <> 0),
  occurred_at timestamptz NOT NULL,
  expires_at timestamptz,
  lot_id text COLLATE "C",
  reverses text COLLATE "C",
  spend_amount numeric,
  spend_currency char(3),
  source_ref text,
  reason text,
  CHECK ((spend_amount IS NULL) = (spend_currency IS NULL))
);
CREATE INDEX loyalty_ledger_customer_time_idx ON loyalty_ledger (customer_id, occurred_at, id);

-- The posted balance per customer: the sum of their entries, kept by every append and reassign.
-- Its row is also the per-customer lock appends take (SELECT ... FOR UPDATE semantics through
-- INSERT ... ON CONFLICT DO UPDATE), so concurrent redemptions are serialised per customer.
-- No CHECK (points >= 0): the overdraft rule applies to appends only; a merge or unmerge re-points
-- entries as they are, which can leave one side negative for a while.
CREATE TABLE loyalty_balances (
  customer_id text COLLATE "C" PRIMARY KEY,
  points bigint NOT NULL
);
