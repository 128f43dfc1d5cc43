import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A native `<select>` styled like `Input`: works in forms without JavaScript and with FormData. */
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 aria-[invalid=true]:border-red-500",
        className,
      )}
      {...props}
    />
  );
}
