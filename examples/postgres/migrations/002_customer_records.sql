-- Transactions and interactions: the fields crmkit queries or aggregates as typed columns (amounts
-- as exact NUMERIC with their currency, times as timestamptz instants), the rest in `details`.
-- No foreign key to customers: records may arrive before their customer (imports), and merges
-- re-point them with UPDATE ... SET customer_id.
CREATE TABLE transactions (
  id text COLLATE "C" PRIMARY KEY,
  customer_id text COLLATE "C" NOT NULL,
  occurred_at timestamptz NOT NULL,
  type text NOT NULL CHECK (type IN ('purchase', 'refund')),
  amount numeric NOT NULL CHECK (amount >= 0),
  currency char(3) NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX transactions_customer_time_idx ON transactions (customer_id, occurred_at, id);
CREATE INDEX transactions_time_idx ON transactions (occurred_at, id);

CREATE TABLE interactions (
  id text COLLATE "C" PRIMARY KEY,
  customer_id text COLLATE "C" NOT NULL,
  occurred_at timestamptz NOT NULL,
  channel text NOT NULL,
  type text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX interactions_customer_time_idx ON interactions (customer_id, occurred_at, id);
CREATE INDEX interactions_time_idx ON interactions (occurred_at, id);
