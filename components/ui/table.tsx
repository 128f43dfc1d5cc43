import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A data table scrolling in its own box; cell styles come from `.data-table` in globals.css. */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="w-full overflow-x-auto">
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
