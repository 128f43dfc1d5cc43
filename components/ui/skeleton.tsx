import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A pulsing placeholder with the shape of content that is still loading. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden className={cn("animate-pulse rounded-md bg-slate-200/70", className)} {...props} />;
}
