import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/**
 * A table that scrolls sideways inside its own box (never widening the page), with its first
 * column pinned while it does. The box is a focusable, named region so a keyboard can scroll it,
 * and positioned, so absolutely placed descendants (sr-only text) stay inside its clip.
 */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div
      role="region"
      aria-label={props["aria-label"] ?? "Table"}
      tabIndex={0}
      className="relative w-full max-w-full overflow-x-auto overscroll-x-contain focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-600 print:overflow-visible"
    >
      <table
        className={cn(
          "w-full border-collapse text-sm [&_tr>:first-child]:sticky [&_tr>:first-child]:left-0 [&_tr>:first-child]:z-[1] [&_tr>:first-child]:bg-white print:[&_tr>:first-child]:static",
          className,
        )}
        {...props}
      />
    </div>
  );
}

export function TableHead({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="col"
      className={cn("border-b border-slate-200 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600", className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("border-b border-slate-100 px-3 py-2 align-top text-slate-800", className)} {...props} />;
}

/** Right-aligned, tabular figures for numeric columns. */
export function NumericCell({ className, ...props }: ComponentProps<"td">) {
  return <TableCell className={cn("text-right tabular-nums", className)} {...props} />;
}
