-- Customers: the validated customer document as jsonb (what `get` returns, revived through
-- CustomerSchema), plus the columns and tables the finders search. Identifiers use the "C" collation:
-- crmkit compares ids, tags and external ids exactly and orders them by code point, which a
-- linguistic (or case-insensitive) collation would not.
CREATE TABLE customers (
  id text COLLATE "C" PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  owner_id text COLLATE "C",
  document jsonb NOT NULL
);
CREATE INDEX customers_owner_idx ON customers (owner_id, id);

-- One row per (normalised) tag; findByTag pages by customer id.
CREATE TABLE customer_tags (
  tag text COLLATE "C" NOT NULL,
  customer_id text COLLATE "C" NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  PRIMARY KEY (tag, customer_id)
);
CREATE INDEX customer_tags_customer_idx ON customer_tags (customer_id);

-- An external id belongs to its system. Not unique: two customers may carry the same ERP id until
-- they are found to be duplicates and merged (findByExternalId returns the first by id).
CREATE TABLE customer_external_ids (
  customer_id text COLLATE "C" NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  system text COLLATE "C" NOT NULL,
  external_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (customer_id, system)
);
CREATE INDEX customer_external_ids_lookup_idx ON customer_external_ids (system, external_id, customer_id);
