import path from "node:path";

/** Where the demo admin's session is saved by e2e/auth.setup.ts and read by every spec. */
export const ADMIN_STORAGE_STATE = path.join("test-results", "e2e-auth", "admin.json");

/** A browser context with no session: for specs that sign in themselves or test anonymous access. */
export const SIGNED_OUT = { cookies: [], origins: [] };
