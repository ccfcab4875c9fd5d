-- Pending points and qualifying points on ledger entries (both optional): `pending_until` locks a
-- positive entry's points until that instant (a return window); `qualifying_points` is the part of
-- an earn entry that counts towards tiers.
ALTER TABLE loyalty_ledger ADD COLUMN pending_until timestamptz;
ALTER TABLE loyalty_ledger ADD COLUMN qualifying_points bigint CHECK (qualifying_points >= 0);
