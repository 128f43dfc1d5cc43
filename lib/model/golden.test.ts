/**
 * Golden baseline: the projections of every example scenario, frozen in
 * lib/model/__golden__/example-projections.json. A number that drifts by more than 1 % (or any
 * changed text, binding constraint or instance) fails the test. Regenerate only on purpose:
 *
 *   UPDATE_GOLDEN=1 npx vitest run --project unit lib/model/golden.test.ts
 *
 * and give the reason in the commit message.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleWorkloads } from './examples';
import { projectScenario } from './project';
import { testCatalog } from './test-catalog';

const GOLDEN_DIRECTORY = new URL('./__golden__/', import.meta.url);
const GOLDEN_FILE = new URL('./example-projections.json', GOLDEN_DIRECTORY);
/** Relative drift allowed for numbers; 1e-9 absolute for values near zero. */
const RELATIVE_TOLERANCE = 0.01;

/** What the baseline freezes: the figures a reader of a projection sees, per month and stage. */
function digest() {
  return exampleWorkloads.map((example) => ({
    workload: example.name,
    scenarios: example.scenarios.map((scenario) => {
      const projection = projectScenario(example.spec, scenario.spec, testCatalog);
      return {
        scenario: scenario.name,
        feasible: projection.feasible,
        warnings: projection.warnings,
        months: projection.months.map((month) => ({
          month: month.month,
          demandMultiplier: month.demandMultiplier,
          stages: month.stages.map((stage) =>
            stage.kind === 'infeasible'
              ? stage
              : {
                  stageName: stage.stageName,
                  instanceId: stage.instance.id,
                  workers: stage.workers,
                  nodes: stage.nodes,
                  bindingConstraint: stage.bindingConstraint,
                  reason: stage.reason,
                  utilizationRatio: stage.utilizationRatio,
                  nodeGroupOnDemandUsdPerHour: stage.nodeGroupOnDemandUsdPerHour,
                  latencyAtSloPercentileMs: stage.latency?.predictedMs ?? null,
                  p99Ms: stage.latency?.p99Ms ?? null,
                  partitions: stage.partitions,
                  activeHoursPerDay: stage.activeHoursPerDay,
                  demand: stage.demand,
                },
          ),
        })),
      };
    }),
  }));
}

/** Paths where `actual` differs from `expected` beyond the tolerance. */
export function goldenDifferences(expected: unknown, actual: unknown, path = '$'): string[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(Math.abs(expected), Math.abs(actual));
    return Math.abs(expected - actual) <= Math.max(1e-9, RELATIVE_TOLERANCE * scale) ? [] : [`${path}: ${expected} → ${actual}`];
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return [`${path}: length ${expected.length} → ${actual.length}`];
    return expected.flatMap((item, index) => goldenDifferences(item, actual[index], `${path}[${index}]`));
  }
  if (expected !== null && actual !== null && typeof expected === 'object' && typeof actual === 'object') {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((key) =>
      goldenDifferences((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], `${path}.${key}`),
    );
  }
  return Object.is(expected, actual) ? [] : [`${path}: ${JSON.stringify(expected)} → ${JSON.stringify(actual)}`];
}

describe('golden baseline of the example projections', () => {
  it('matches lib/model/__golden__/example-projections.json within 1 %', () => {
    const current = JSON.parse(JSON.stringify(digest())) as unknown;
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(GOLDEN_DIRECTORY, { recursive: true });
      writeFileSync(GOLDEN_FILE, `${JSON.stringify(current, null, 1)}\n`);
      return;
    }
    expect(existsSync(GOLDEN_FILE), 'golden file missing: run with UPDATE_GOLDEN=1').toBe(true);
    const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as unknown;
    expect(goldenDifferences(golden, current)).toEqual([]);
  });

  it('the comparison fails on more than 1 % drift and on changed text, and passes below it', () => {
    const sample = { nodes: 100, p99Ms: 20, reason: 'disk binds', zero: 0 };
    expect(goldenDifferences(sample, { ...sample, nodes: 101.5 })).toEqual(['$.nodes: 100 → 101.5']);
    expect(goldenDifferences(sample, { ...sample, p99Ms: 20.19 })).toEqual([]);
    expect(goldenDifferences(sample, { ...sample, reason: 'memory binds' })).toHaveLength(1);
    expect(goldenDifferences(sample, { ...sample, zero: 1e-6 })).toHaveLength(1);
    expect(goldenDifferences([sample], [])).toEqual(['$: length 1 → 0']);
  });
});
