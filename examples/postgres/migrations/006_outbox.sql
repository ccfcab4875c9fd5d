-- The outbox: domain events written in the same transaction as the change they describe, published
-- afterwards by a relay (at least once). `seq` keeps the order they were added in; `id` (the
-- enqueue key plus the event's position) makes a retried request store nothing twice.
CREATE TABLE outbox (
  seq bigserial PRIMARY KEY,
  id text COLLATE "C" NOT NULL UNIQUE,
  event jsonb NOT NULL,
  enqueued_at timestamptz NOT NULL,
  published_at timestamptz
);
-- The relay reads the unpublished messages in order: a partial index holds only those.
CREATE INDEX outbox_pending_idx ON outbox (seq) WHERE published_at IS NULL;
