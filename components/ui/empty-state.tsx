import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

type EmptyStateProps = { icon: LucideIcon; title: string; children: ReactNode; action?: ReactNode };

/** What a page shows when there is nothing to list yet: why, and what to do next. */
export function EmptyState({ icon: Icon, title, children, action }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <Icon className="size-8 text-slate-400" aria-hidden />
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <div className="max-w-md text-sm text-slate-600">{children}</div>
      {action}
    </div>
  );
}
