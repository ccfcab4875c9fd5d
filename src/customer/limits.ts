// Bounds of the customer model that code outside the schemas checks too (internal): kept apart
// from the schemas so that a check does not load zod.

/** Most contact points a customer holds: the schemas refuse more, and so does the duplicate search. */
export const MAX_CONTACT_POINTS = 200;
