-- Opportunities: the validated opportunity document as jsonb (what `get` returns, revived through
-- OpportunitySchema), plus the columns the finders search and reports may aggregate: the amount as
-- exact NUMERIC with its currency, the expected close date as an instant. Ids use the "C" collation
-- (exact comparison, code-point order), as in 001_customers.sql.
CREATE TABLE opportunities (
  id text COLLATE "C" PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  customer_id text COLLATE "C" NOT NULL,
  owner_id text COLLATE "C" NOT NULL,
  stage text COLLATE "C" NOT NULL,
  amount numeric NOT NULL CHECK (amount >= 0),
  currency char(3) NOT NULL,
  expected_close_date timestamptz NOT NULL,
  document jsonb NOT NULL
);
-- The finders page in id order within one customer, owner or stage (keyset: WHERE key = $1 AND id > $2).
CREATE INDEX opportunities_customer_idx ON opportunities (customer_id, id);
CREATE INDEX opportunities_owner_idx ON opportunities (owner_id, id);
CREATE INDEX opportunities_stage_idx ON opportunities (stage, id);
