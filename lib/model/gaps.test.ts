import { describe, expect, it } from 'vitest';

import { exampleWorkloads } from './examples';
import { planGaps } from './gaps';
import { projectScenario } from './project';
import { testCatalog } from './test-catalog';

const [clickstream] = exampleWorkloads;
if (!clickstream?.scenarios[0]) throw new Error('example missing');
const scenario = { ...clickstream.scenarios[0].spec, horizonMonths: 3, uncertainty: undefined };

describe('planGaps', () => {
  it('is empty when every stage is sized in every month', () => {
    expect(planGaps(projectScenario(clickstream.spec, scenario, testCatalog))).toEqual([]);
  });

  it('names each unsized stage once per constraint, with every month it is missing', () => {
    const pinned = { ...scenario, stageInstances: { [clickstream.spec.stages[0]!.name]: { mode: 'fixed' as const, instanceType: 'aws:us-east-1:nope.2xlarge' } } };
    const gaps = planGaps(projectScenario(clickstream.spec, pinned, testCatalog));
    expect(gaps).toEqual([
      expect.objectContaining({ stageName: clickstream.spec.stages[0]!.name, bindingConstraint: 'instance-catalog', monthIndices: [0, 1, 2], firstMonth: scenario.startMonth }),
    ]);
  });
});
