-- Stored segment rules (the validated rule as jsonb) and what `toSql` runs them against.
CREATE TABLE segments (
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  rule jsonb NOT NULL
);

-- Computed metrics per customer (RFM scores, spend in minor units, recency), written by the
-- scoring job beside the customers so that rules on them run in SQL. Names follow crmkit's rule
-- fields (rfm.r -> rfm_r, lifetimeSpendMinor -> lifetime_spend_minor).
CREATE TABLE customer_metrics (
  customer_id text COLLATE "C" PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  rfm_r double precision,
  rfm_f double precision,
  rfm_m double precision,
  rfm_segment text,
  lifetime_spend_minor double precision,
  purchase_count double precision,
  recency_days double precision,
  last_purchase_at timestamptz
);

-- One row per customer with a typed column per rule field (SEGMENT_COLUMNS in
-- PostgresSegmentStore.ts): customer fields read from the stored document, metrics joined.
CREATE VIEW customer_segment_rows AS
SELECT
  c.id,
  c.document ->> 'kind' AS kind,
  c.document ->> 'displayName' AS display_name,
  c.document ->> 'lifecycleStage' AS lifecycle_stage,
  c.document ->> 'ownerId' AS owner_id,
  c.document ->> 'teamId' AS team_id,
  c.document ->> 'source' AS source,
  c.document ->> 'acquisitionChannel' AS acquisition_channel,
  (c.document ->> 'createdAt')::timestamptz AS created_at,
  (c.document ->> 'updatedAt')::timestamptz AS updated_at,
  ARRAY(SELECT jsonb_array_elements_text(c.document -> 'tags')) AS tags,
  (c.document #>> '{consent,phone,granted}')::boolean AS consent_phone,
  (c.document #>> '{consent,sms,granted}')::boolean AS consent_sms,
  (c.document #>> '{consent,email,granted}')::boolean AS consent_email,
  (c.document #>> '{consent,wechat,granted}')::boolean AS consent_wechat,
  (c.document #>> '{consent,post,granted}')::boolean AS consent_post,
  (c.document #>> '{consent,push,granted}')::boolean AS consent_push,
  (c.document #>> '{consent,social,granted}')::boolean AS consent_social,
  m.rfm_r, m.rfm_f, m.rfm_m, m.rfm_segment,
  m.lifetime_spend_minor, m.purchase_count, m.recency_days, m.last_purchase_at
FROM customers c
LEFT JOIN customer_metrics m ON m.customer_id = c.id;
