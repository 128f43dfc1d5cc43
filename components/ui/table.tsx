import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/**
 * A table that scrolls sideways inside its own box (never widening the page), with its first
 * column pinned while it does. The box is a focusable, named region so a keyboard can scroll it,
 * and positioned, so absolutely placed descendants (sr-only text) stay inside its clip. Cell
 * styles come from `.data-table` in globals.css, once, not from a class list on every cell.
 */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div
      role="region"
      aria-label={props["aria-label"] ?? "Table"}
      tabIndex={0}
      className="relative w-full max-w-full overflow-x-auto overscroll-x-contain focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-600 print:overflow-visible"
    >
      <table className={cn("data-table w-full border-collapse text-sm", className)} {...props} />
    </div>
  );
}

export function TableHead(props: ComponentProps<"th">) {
  return <th scope="col" {...props} />;
}

export function TableCell(props: ComponentProps<"td">) {
  return <td {...props} />;
}

/** Right-aligned, tabular figures for numeric columns. */
export function NumericCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("num", className)} {...props} />;
}
