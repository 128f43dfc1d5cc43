import Link from "next/link";

/** Workloads / <profile> / <scenario> / <page>: the last crumb is the current page. */
export function ScenarioBreadcrumb({ workload, scenario, page }: { workload: { id: string; name: string }; scenario?: { id: string; name: string }; page?: string }) {
  const crumbs = [
    { href: "/workloads", label: "Workloads" },
    { href: `/workloads/${workload.id}`, label: workload.name },
    ...(scenario ? [{ href: `/workloads/${workload.id}/scenarios/${scenario.id}`, label: scenario.name }] : []),
    ...(page ? [{ href: "", label: page }] : []),
  ];
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
      {crumbs.map((crumb, index) =>
        index === crumbs.length - 1 ? (
          <span key={crumb.label} aria-current="page">
            {crumb.label}
          </span>
        ) : (
          <span key={crumb.href}>
            <Link href={crumb.href} className="hover:underline">
              {crumb.label}
            </Link>{" "}
            /{" "}
          </span>
        ),
      )}
    </nav>
  );
}
