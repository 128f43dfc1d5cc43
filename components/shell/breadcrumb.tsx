import Link from "next/link";

export type Crumb = { href: string; label: string };

/** Where a page sits: links up the hierarchy, then the current page (not a link). */
export function Breadcrumb({ trail, current }: { trail: Crumb[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
      {trail.map((crumb) => (
        <span key={crumb.href}>
          <Link href={crumb.href} className="hover:underline">
            {crumb.label}
          </Link>{" "}
          /{" "}
        </span>
      ))}
      <span aria-current="page">{current}</span>
    </nav>
  );
}

/** The crumbs above a workload's own pages: Workloads / <profile> / <scenario>. */
export function workloadTrail(workload?: { id: string; name: string }, scenario?: { id: string; name: string }): Crumb[] {
  return [
    { href: "/workloads", label: "Workloads" },
    ...(workload ? [{ href: `/workloads/${workload.id}`, label: workload.name }] : []),
    ...(workload && scenario ? [{ href: `/workloads/${workload.id}/scenarios/${scenario.id}`, label: scenario.name }] : []),
  ];
}
