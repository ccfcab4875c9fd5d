/**
 * Fitted models are data: the fitters and {@link modelFromJSON} hand them out deeply frozen and
 * remember them here, so scoring skips re-validating them. Any other object — a copy a user made
 * and edited, a model built by hand — is validated on every use, so `m.params.r = NaN` on a copy
 * is `INVALID_MODEL`, never NaN scores (internal; no zod here, so fitting does not load it).
 */
const trusted = /* @__PURE__ */ new WeakSet<object>();

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/** Freezes a model and everything in it, and marks it as valid (internal). */
export function freezeModel<T extends object>(model: T): T {
  deepFreeze(model);
  trusted.add(model);
  return model;
}

/** Whether the model was frozen by {@link freezeModel} (internal). */
export function isTrustedModel(model: unknown): boolean {
  return typeof model === 'object' && model !== null && trusted.has(model);
}
