/**
 * The version of the capacity model's arithmetic. Stored plans are keyed by it (with the workload,
 * scenario and priced-catalog versions), so a plan computed by an older model is recomputed once
 * after an upgrade instead of being shown as if current.
 *
 * Bump it in the same commit as any change that can move a planned figure (a formula, a default,
 * a constant, the shape of a plan), and say in the commit message what moved.
 */
export const MODEL_VERSION = "2026-12-02.15";
