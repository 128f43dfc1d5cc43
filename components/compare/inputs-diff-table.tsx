import { Table, TableCell, TableHead } from "@/components/ui/table";
import type { ComparedScenario } from "@/lib/compare/comparison";
import type { InputTopic } from "@/lib/compare/inputs-diff";

/** What the scenarios assume differently, topic by topic, in words. */
export function InputsDiffTable({ scenarios, topics }: { scenarios: ComparedScenario[]; topics: InputTopic[] }) {
  if (topics.length === 0) return <p className="px-5 py-4 text-sm text-slate-600">The scenarios assume the same inputs; only their catalogs or profiles differ.</p>;
  return (
    <Table aria-label="Inputs that differ">
      <thead>
        <tr>
          <TableHead>Input</TableHead>
          {scenarios.map((scenario) => (
            <TableHead key={scenario.scenarioId} className="normal-case tracking-normal">
              {scenario.scenarioName}
            </TableHead>
          ))}
        </tr>
      </thead>
      <tbody>
        {topics.map((topic) => (
          <tr key={topic.topic}>
            <th scope="row" className="min-w-28 border-b border-slate-100 px-3 py-2 text-left align-top font-medium text-slate-700">
              {topic.topic}
            </th>
            {topic.values.map((value, index) => (
              <TableCell key={scenarios[index]?.scenarioId ?? index} className="min-w-48">
                {value}
              </TableCell>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
