import type { SchemaOutline } from "@/lib/api/openapi/schema-outline";

/** The anchor of a component schema on the reference page. */
export const schemaAnchor = (name: string) => `schema-${name}`;

function TypeLabel({ outline }: { outline: SchemaOutline }) {
  if (!outline.ref) return <span className="font-mono text-xs text-slate-600">{outline.type}</span>;
  const [before, after] = outline.type.split(outline.ref);
  return (
    <span className="font-mono text-xs text-slate-600">
      {before}
      <a href={`#${schemaAnchor(outline.ref)}`} className="text-sky-700 underline underline-offset-2 hover:text-sky-900">
        {outline.ref}
      </a>
      {after}
    </span>
  );
}

function Details({ outline }: { outline: SchemaOutline }) {
  return (
    <>
      {outline.description ? <p className="text-sm text-slate-700">{outline.description}</p> : null}
      {outline.constraints.length > 0 ? <p className="break-words text-xs text-slate-500">{outline.constraints.join(" · ")}</p> : null}
    </>
  );
}

/**
 * A schema's fields as a nested list; fields below `openDepth` levels fold into a disclosure so a
 * long spec stays scannable. Variants of a union are listed one after the other.
 */
export function SchemaFields({ outline, depth = 0, openDepth = 1 }: { outline: SchemaOutline; depth?: number; openDepth?: number }) {
  if (outline.variants.length > 0) {
    return (
      <ol className="flex flex-col gap-2">
        {outline.variants.map((variant, index) => (
          <li key={index} className="rounded border border-slate-200 p-2">
            <p className="mb-1 text-xs font-medium text-slate-500">Shape {index + 1}</p>
            <SchemaFields outline={variant} depth={depth + 1} openDepth={openDepth} />
          </li>
        ))}
      </ol>
    );
  }
  if (outline.fields.length === 0) return null;
  return (
    <ul className="flex flex-col divide-y divide-slate-100">
      {outline.fields.map(({ name, required, outline: field }) => {
        const nested = field.fields.length > 0 || field.variants.length > 0;
        return (
          <li key={name} className="flex flex-col gap-0.5 py-2">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <code className="break-all font-mono text-sm font-semibold text-slate-900">{name}</code>
              <TypeLabel outline={field} />
              {required ? <span className="text-xs font-medium text-red-700">required</span> : null}
            </p>
            <Details outline={field} />
            {nested && depth + 1 < openDepth ? (
              <div className="mt-1 border-l-2 border-slate-200 pl-3">
                <SchemaFields outline={field} depth={depth + 1} openDepth={openDepth} />
              </div>
            ) : null}
            {nested && depth + 1 >= openDepth ? (
              <details className="mt-1 border-l-2 border-slate-200 pl-3">
                <summary className="cursor-pointer text-xs font-medium text-sky-700">Fields of {name}</summary>
                <SchemaFields outline={field} depth={depth + 1} openDepth={openDepth} />
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** A schema with its type line (for request and response bodies). */
export function SchemaSummary({ outline }: { outline: SchemaOutline }) {
  return (
    <div className="flex flex-col gap-1">
      <p>
        <TypeLabel outline={outline} />
      </p>
      <Details outline={outline} />
      <SchemaFields outline={outline} />
    </div>
  );
}
