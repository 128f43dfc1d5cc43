import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { MAX_COMPARED, MIN_COMPARED } from "@/lib/compare/params";

export type PickableScenario = { id: string; name: string; workloadName: string; ofRecord: boolean };

/**
 * A plain GET form to /compare: ticked scenarios become `?scenarios=…` (works without JavaScript).
 * Already chosen scenarios come first and stay ticked, so the first of them stays the baseline.
 */
export function ComparePicker({ scenarios, chosen }: { scenarios: PickableScenario[]; chosen: string[] }) {
  const ordered = [...chosen.flatMap((id) => scenarios.filter((scenario) => scenario.id === id)), ...scenarios.filter((scenario) => !chosen.includes(scenario.id))];
  return (
    <Card>
      <form action="/compare" method="get" aria-label="Pick scenarios to compare">
        <Table aria-label="Scenarios to compare">
          <thead>
            <tr>
              <TableHead className="w-12">
                <span className="sr-only">Compare</span>
              </TableHead>
              <TableHead>Workload</TableHead>
              <TableHead>Scenario</TableHead>
            </tr>
          </thead>
          <tbody>
            {ordered.map((scenario) => (
              <tr key={scenario.id}>
                <TableCell>
                  <input
                    type="checkbox"
                    name="scenarios"
                    value={scenario.id}
                    defaultChecked={chosen.includes(scenario.id)}
                    aria-label={`Compare ${scenario.workloadName} / ${scenario.name}`}
                    className="size-4"
                  />
                </TableCell>
                <TableCell>{scenario.workloadName}</TableCell>
                <TableCell>
                  {scenario.name}
                  {scenario.ofRecord ? <span className="ml-2 text-xs text-emerald-700">plan of record</span> : null}
                </TableCell>
              </tr>
            ))}
          </tbody>
        </Table>
        <div className="flex flex-wrap items-center gap-3 px-3 py-3">
          <Button type="submit">Compare selected</Button>
          <p className="text-sm text-slate-500">
            Tick {MIN_COMPARED} to {MAX_COMPARED}; the first one listed is the baseline.
          </p>
        </div>
      </form>
    </Card>
  );
}
