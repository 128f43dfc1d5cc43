import type { SchemaOutline } from "@/lib/api/openapi/schema-outline";

/** The anchor of a component schema on the reference page. */
export const schemaAnchor = (name: string) => `schema-${name}`;

/** A type in words; a referenced schema links to its description. Styles: app/globals.css (.schema-*). */
export function TypeLabel({ outline }: { outline: SchemaOutline }) {
  if (!outline.ref) return <span className="schema-type">{outline.type}</span>;
  const [before, after] = outline.type.split(outline.ref);
  return (
    <span className="schema-type">
      {before}
      <a href={`#${schemaAnchor(outline.ref)}`}>{outline.ref}</a>
      {after}
    </span>
  );
}

export function SchemaNotes({ outline }: { outline: SchemaOutline }) {
  return (
    <>
      {outline.description ? <p className="schema-description">{outline.description}</p> : null}
      {outline.constraints.length > 0 ? <p className="schema-constraints">{outline.constraints.join(" · ")}</p> : null}
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
    <ul className="schema-fields">
      {outline.fields.map(({ name, required, outline: field }) => {
        const nested = field.fields.length > 0 || field.variants.length > 0;
        const open = depth + 1 < openDepth;
        return (
          <li key={name}>
            <p className="field-head">
              <code className="field-name">{name}</code>
              <TypeLabel outline={field} />
              {required ? <span className="field-required">required</span> : null}
            </p>
            <SchemaNotes outline={field} />
            {nested && open ? (
              <div className="schema-nested">
                <SchemaFields outline={field} depth={depth + 1} openDepth={openDepth} />
              </div>
            ) : null}
            {nested && !open ? (
              <details className="schema-nested">
                <summary>Fields of {name}</summary>
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
      <SchemaNotes outline={outline} />
      <SchemaFields outline={outline} />
    </div>
  );
}
