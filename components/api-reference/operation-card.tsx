import { Card, CardContent, CardHeader } from "@/components/ui/card";
import type { ReferenceOperation } from "@/lib/api/openapi/reference";
import { outlineSchema } from "@/lib/api/openapi/schema-outline";
import { cn } from "@/lib/utils";

import { SchemaNotes, SchemaSummary, TypeLabel } from "./schema-fields";

const METHOD_TONES: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900",
  POST: "bg-emerald-100 text-emerald-900",
  PUT: "bg-amber-100 text-amber-900",
  DELETE: "bg-red-100 text-red-900",
};

export const operationAnchor = (operationId: string) => `op-${operationId}`;

export function MethodBadge({ method }: { method: string }) {
  return <span className={cn("inline-block w-16 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold", METHOD_TONES[method] ?? "bg-slate-100 text-slate-900")}>{method}</span>;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      <h4 className="text-sm font-semibold text-slate-900">{title}</h4>
      {children}
    </div>
  );
}

/** An operation: its method and path, parameters, request body, responses and a curl command. */
export function OperationCard({ operation }: { operation: ReferenceOperation }) {
  return (
    <Card id={operationAnchor(operation.operationId)} className="scroll-mt-20">
      <CardHeader>
        <h3 className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
          <MethodBadge method={operation.method} />
          <code className="break-all font-mono text-sm">{operation.path}</code>
        </h3>
        <p className="text-sm font-medium text-slate-800">{operation.summary}</p>
        {operation.description ? <p className="text-sm text-slate-600">{operation.description}</p> : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        {operation.parameters.length > 0 ? (
          <Section title="Parameters">
            <ul className="schema-fields">
              {operation.parameters.map((parameter) => {
                const outline = outlineSchema({ ...parameter.schema, ...(parameter.description ? { description: parameter.description } : {}) });
                return (
                  <li key={`${parameter.in}-${parameter.name}`}>
                    <p className="field-head">
                      <code className="field-name">{parameter.name}</code>
                      <span className="text-xs text-slate-500">in {parameter.in}</span>
                      <TypeLabel outline={outline} />
                      {parameter.required ? <span className="field-required">required</span> : null}
                    </p>
                    <SchemaNotes outline={outline} />
                  </li>
                );
              })}
            </ul>
          </Section>
        ) : null}
        {operation.requestBody ? (
          <Section title="Request body (application/json)">
            <SchemaSummary outline={outlineSchema(operation.requestBody)} />
          </Section>
        ) : null}
        <Section title="Responses">
          <ul className="flex flex-col gap-2">
            {operation.responses.map((response) => (
              <li key={response.status} className="flex flex-col gap-1 rounded border border-slate-200 px-3 py-2">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <span className={cn("font-mono text-sm font-semibold", Number(response.status) < 400 ? "text-emerald-800" : "text-red-800")}>{response.status}</span>
                  <span className="text-sm text-slate-700">{response.description}</span>
                </p>
                {response.mediaTypes.length > 0 ? <p className="text-xs text-slate-500">{response.mediaTypes.join(", ")}</p> : null}
                {response.headers.length > 0 ? <p className="text-xs text-slate-500">Headers: {response.headers.join(", ")}</p> : null}
                {response.schema ? <SchemaSummary outline={outlineSchema(response.schema)} /> : null}
              </li>
            ))}
          </ul>
        </Section>
        <Section title="Example">
          {/* Focusable: a long command scrolls sideways in its box, and a keyboard must reach that too. */}
          <pre tabIndex={0} aria-label={`curl command for ${operation.summary}`} className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 text-xs leading-5 text-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500">
            <code>{operation.curl}</code>
          </pre>
        </Section>
      </CardContent>
    </Card>
  );
}
