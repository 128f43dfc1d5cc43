/**
 * `npm run bench:http`: page throughput of a RUNNING production server (it builds and starts
 * nothing). Measures /about (static, the yardstick), /workloads, a demo scenario page and /catalog
 * with autocannon at 20 connections for a few seconds each, in one run, and prints req/s, p50,
 * p99, HTML size and each page's req/s as a ratio of /about's. Targets (issue 10): scenario page and
 * /catalog p99 ≤ 300 ms and ≥ 0.1 × /about's req/s; HTML ≤ 200 KB (scenario) and ≤ 250 KB (catalog).
 *
 *   npm run build && npm start &        # or: node node_modules/next/dist/bin/next start -p 3000
 *   npm run bench:http                  # BENCH_URL=http://127.0.0.1:3000 BENCH_SECONDS=5
 *
 * Pages need a signed-in user: it signs in as the demo admin first (bench/demo-session.ts), so the
 * server must run in demo mode (the embedded default).
 * On 2 cores the load generator competes with the server: compare figures within one run only.
 */
import autocannon from "autocannon";

import { demoSessionCookie } from "./demo-session";

const baseUrl = (process.env.BENCH_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 20;

type Target = { label: string; path: string; maxP99Ms?: number; minRatioToAbout?: number; maxHtmlKb?: number };

/** The demo admin's session (pages need a signed-in user); set before the first request. */
const session = { cookie: "" };

async function fetchText(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie }, redirect: "manual" });
  return { status: response.status, text: await response.text() };
}

/** The first scenario page linked from a workload page (the demo data has one per workload). */
async function demoScenarioPath(): Promise<string> {
  const { text } = await fetchText("/workloads");
  const workloads = [...new Set([...text.matchAll(/href="(\/workloads\/[0-9a-f-]{36})"/g)].map((m) => m[1]))];
  for (const workload of workloads) {
    const page = await fetchText(workload ?? "");
    const match = /href="(\/workloads\/[0-9a-f-]{36}\/scenarios\/[0-9a-f-]{36})"/.exec(page.text);
    if (match?.[1]) return match[1];
  }
  throw new Error(`No scenario page linked from ${baseUrl}/workloads: is the server running with the demo data?`);
}

type Result = Target & { status: number; htmlKb: number; requestsPerSec: number; p50Ms: number; p99Ms: number; errors: number; non2xx: number };

async function measure(target: Target): Promise<Result> {
  const page = await fetchText(target.path); // also warms the route
  const run = await autocannon({ url: `${baseUrl}${target.path}`, connections: CONNECTIONS, duration: seconds, headers: { cookie: session.cookie } });
  return {
    ...target,
    status: page.status,
    htmlKb: Buffer.byteLength(page.text) / 1024,
    requestsPerSec: run.requests.average,
    p50Ms: run.latency.p50,
    p99Ms: run.latency.p99,
    errors: run.errors + run.timeouts,
    non2xx: run.non2xx,
  };
}

async function main(): Promise<void> {
  session.cookie = await demoSessionCookie(baseUrl);
  const scenario = await demoScenarioPath();
  const targets: Target[] = [
    { label: "/about (static)", path: "/about" },
    { label: "/workloads", path: "/workloads" },
    { label: "scenario page", path: scenario, maxP99Ms: 300, minRatioToAbout: 0.1, maxHtmlKb: 200 },
    { label: "/catalog", path: "/catalog", maxP99Ms: 300, minRatioToAbout: 0.1, maxHtmlKb: 250 },
  ];
  console.log(`${baseUrl}, ${CONNECTIONS} connections, ${seconds} s per page; scenario: ${scenario}`);
  const results: Result[] = [];
  for (const target of targets) results.push(await measure(target));
  const about = results[0]?.requestsPerSec ?? NaN;
  let failed = false;
  console.log("page                 status    req/s    p50 ms   p99 ms   HTML KB  ×/about  errors  verdict");
  for (const r of results) {
    const ratio = r.requestsPerSec / about;
    const misses = [
      r.status !== 200 || r.errors > 0 || r.non2xx > 0 ? "errors" : null,
      r.maxP99Ms !== undefined && r.p99Ms > r.maxP99Ms ? `p99 > ${r.maxP99Ms} ms` : null,
      r.minRatioToAbout !== undefined && ratio < r.minRatioToAbout ? `< ${r.minRatioToAbout} × /about` : null,
      r.maxHtmlKb !== undefined && r.htmlKb > r.maxHtmlKb ? `HTML > ${r.maxHtmlKb} KB` : null,
    ].filter((miss): miss is string => miss !== null);
    const hasTargets = r.maxP99Ms !== undefined;
    failed ||= misses.length > 0;
    console.log(
      [
        r.label.padEnd(20),
        String(r.status).padStart(6),
        r.requestsPerSec.toFixed(1).padStart(8),
        String(r.p50Ms).padStart(9),
        String(r.p99Ms).padStart(8),
        r.htmlKb.toFixed(1).padStart(9),
        ratio.toFixed(3).padStart(8),
        String(r.errors + r.non2xx).padStart(7),
        misses.length > 0 ? `  FAIL (${misses.join(", ")})` : hasTargets ? "  PASS" : "",
      ].join(" "),
    );
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
