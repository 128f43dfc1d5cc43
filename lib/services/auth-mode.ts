/**
 * How accounts are set up, from the environment alone (pure, so start-up and tests share it).
 *
 * - Demo mode (the embedded default of `npm start`): seeded demo users, one per role, whose
 *   passwords are public; the sign-in page offers them. On unless `HEADROOM_DEMO` says otherwise;
 *   off by default when `DATABASE_URL` is set.
 * - Otherwise (production): `BETTER_AUTH_SECRET` (32+ characters) and `BETTER_AUTH_URL` are
 *   required, and the first admin
 *   is created with `npm run admin:create`.
 */
import type { Role } from "@/lib/policy";

type Env = Readonly<Record<string, string | undefined>>;

/** The demo accounts' password, printed at start and in the README. */
export const DEMO_PASSWORD = "headroom-demo";

/** One demo user per role, in the order the sign-in page lists them. */
export const DEMO_USERS: readonly { role: Role; email: string; name: string }[] = [
  { role: "viewer", email: "viewer@demo.headroom.dev", name: "Vera Viewer" },
  { role: "architect", email: "architect@demo.headroom.dev", name: "Arun Architect" },
  { role: "finops", email: "finops@demo.headroom.dev", name: "Fiona FinOps" },
  { role: "admin", email: "admin@demo.headroom.dev", name: "Ada Admin" },
];

/** Minimum length of `BETTER_AUTH_SECRET`: 32 characters, as better-auth recommends. */
export const MIN_SECRET_LENGTH = 32;

/** Whether demo mode is on: `HEADROOM_DEMO=1|0` decides; unset, on for the embedded database only. */
export function demoModeEnabled(env: Env = process.env): boolean {
  const value = env.HEADROOM_DEMO?.trim().toLowerCase();
  if (value) return !(value === "0" || value === "false" || value === "no" || value === "off");
  return !env.DATABASE_URL?.trim();
}

/**
 * A fixed secret for demo mode only, so demo sessions survive a restart. Demo passwords are public
 * anyway; production refuses to start without its own secret ({@link authConfigProblem}).
 */
const DEMO_SECRET = "headroom-demo-mode-secret-not-for-production-use-0001";

/** The secret better-auth signs cookies with. */
export function authSecret(env: Env = process.env): string {
  return env.BETTER_AUTH_SECRET?.trim() || DEMO_SECRET;
}

/** Why the server must not start with this configuration, or null. */
export function authConfigProblem(env: Env = process.env): string | null {
  if (demoModeEnabled(env)) return null;
  const secret = env.BETTER_AUTH_SECRET?.trim() ?? "";
  if (secret.length < MIN_SECRET_LENGTH) {
    return `BETTER_AUTH_SECRET must be set to a random string of at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 32\`) when demo mode is off.`;
  }
  if (!publicUrl(env)) return "BETTER_AUTH_URL must be set to the address users open (e.g. https://headroom.example.com) when demo mode is off.";
  return null;
}

/** The public URL (`BETTER_AUTH_URL`), when set; cookies are `Secure` exactly when it is https. */
export function publicUrl(env: Env = process.env): string | undefined {
  return env.BETTER_AUTH_URL?.trim() || undefined;
}

/** Exits the process with the reason when {@link authConfigProblem} finds one (server start-up). */
export function refuseToStartWithoutAuthConfig(env: Env = process.env): void {
  const problem = authConfigProblem(env);
  if (!problem) return;
  console.error(`[auth] Refusing to start: ${problem}`);
  process.exit(1);
}
