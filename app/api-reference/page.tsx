import type { Metadata } from "next";
import Link from "next/link";

import { MethodBadge, OperationCard, operationAnchor } from "@/components/api-reference/operation-card";
import { SchemaSummary, schemaAnchor } from "@/components/api-reference/schema-fields";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { openApiDocument } from "@/lib/api/openapi/document";
import { referenceGroups } from "@/lib/api/openapi/reference";
import { outlineSchema } from "@/lib/api/openapi/schema-outline";

export const metadata: Metadata = { title: "API reference" };

const CONVENTIONS = [
  ["Base", "Every route is under /api/v1 on this server. Money is USD, unrounded. Ids are UUIDs; any other id answers 404."],
  ["Errors", "Every error is RFC 9457 problem details (application/problem+json): type, title, status, detail, and for bad fields errors: a list of { path, message }. A 400 writes nothing."],
  ["Writes", "POST and PUT send application/json; a request from another site answers 403, another content type 415, a body over the route's limit 413."],
  ["Concurrency", "A workload or scenario carries an ETag (\"v3\"). PUT and DELETE must send it back as If-Match: without it 428, with an old one 412 — re-read and retry."],
  ["Pages", "Lists are oldest first, limit 1–100 (default 20) per page; pass nextCursor back as cursor for the next page, with the same filters."],
] as const;

/** The API reference, rendered from the OpenAPI document the server serves (no external viewer). */
export default function ApiReferencePage() {
  const document = openApiDocument();
  const groups = referenceGroups(document);
  const schemas = Object.entries(document.components.schemas).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            {document.info.description} The machine-readable document is{" "}
            <a href="/api/v1/openapi.json" className="font-mono text-sky-700 underline underline-offset-2 hover:text-sky-900">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI {document.openapi}).
          </>
        }
      />
      <div className="flex max-w-5xl flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Conventions</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm sm:grid-cols-[8rem_1fr]">
              {CONVENTIONS.map(([term, text]) => (
                <div key={term} className="contents">
                  <dt className="font-medium text-slate-900">{term}</dt>
                  <dd className="text-slate-700">{text}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>

        <nav aria-label="Operations" className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
          <h2 className="mb-2 text-base font-semibold text-slate-900">Operations</h2>
          <div className="grid gap-4 md:grid-cols-[repeat(2,minmax(0,1fr))]">
            {groups.map((group) => (
              <div key={group.tag}>
                <h3 className="text-sm font-semibold text-slate-700">
                  <a href={`#tag-${group.tag}`} className="hover:underline">
                    {group.tag}
                  </a>
                </h3>
                <ul className="mt-1 flex flex-col gap-1">
                  {group.operations.map((operation) => (
                    <li key={operation.operationId}>
                      <a href={`#${operationAnchor(operation.operationId)}`} className="flex items-center gap-2 rounded px-1 py-0.5 text-sm text-slate-800 hover:bg-slate-50">
                        <MethodBadge method={operation.method} />
                        <span className="min-w-0 break-all font-mono text-xs">{operation.path}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </nav>

        {groups.map((group) => (
          <section key={group.tag} id={`tag-${group.tag}`} aria-labelledby={`tag-${group.tag}-title`} className="flex scroll-mt-20 flex-col gap-4">
            <div>
              <h2 id={`tag-${group.tag}-title`} className="text-xl font-semibold tracking-tight text-slate-900">
                {group.tag}
              </h2>
              <p className="text-sm text-slate-600">{group.description}</p>
            </div>
            {group.operations.map((operation) => (
              <OperationCard key={operation.operationId} operation={operation} />
            ))}
          </section>
        ))}

        <section aria-labelledby="schemas-title" className="flex flex-col gap-3">
          <h2 id="schemas-title" className="text-xl font-semibold tracking-tight text-slate-900">
            Schemas
          </h2>
          <p className="text-sm text-slate-600">
            Request bodies are what the forms accept (fields with a default may be left out); responses list every field the API writes. The model&apos;s inputs are explained in{" "}
            <Link href="/about" className="text-sky-700 underline underline-offset-2">
              About
            </Link>{" "}
            and docs/model.md.
          </p>
          {schemas.map(([name, schema]) => (
            <section key={name} id={schemaAnchor(name)} aria-labelledby={`${schemaAnchor(name)}-title`} className="scroll-mt-20 rounded-lg border border-slate-200 bg-white px-5 py-3 shadow-sm">
              <h3 id={`${schemaAnchor(name)}-title`} className="font-mono text-sm font-semibold text-slate-900">
                {name}
              </h3>
              <div className="mt-2">
                <SchemaSummary outline={outlineSchema(schema)} />
              </div>
            </section>
          ))}
        </section>
      </div>
    </>
  );
}
