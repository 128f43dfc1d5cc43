"use client";

import { useQuery } from "@tanstack/react-query";
import { cn } from "@/lib/utils";

type HealthBody = { status: "ok" | "error" };

async function fetchHealth(): Promise<HealthBody> {
  const response = await fetch("/api/health", { cache: "no-store" });
  return (await response.json()) as HealthBody;
}

/** A live badge in the shell: whether the database answers (polled every 15 s). */
export function HealthIndicator() {
  const { data, isPending, isError } = useQuery({ queryKey: ["health"], queryFn: fetchHealth, refetchInterval: 15_000 });
  const healthy = data?.status === "ok";
  const label = isPending
    ? "Checking database…"
    : isError || !data
      ? "Health check failed"
      : healthy
        ? "Database: ready"
        : "Database unavailable";
  return (
    <p role="status" className="flex items-center gap-2 text-xs text-slate-400">
      <span
        aria-hidden
        className={cn("size-2 rounded-full", isPending ? "bg-slate-500" : healthy ? "bg-emerald-400" : "bg-red-500")}
      />
      {label}
    </p>
  );
}
