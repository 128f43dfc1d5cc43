"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

type BandsStatus = "none" | "pending" | "running" | "ready" | "failed";

async function fetchStatus(scenarioId: string, signal: AbortSignal): Promise<BandsStatus> {
  const response = await fetch(`/api/v1/scenarios/${scenarioId}/plan/status`, { cache: "no-store", signal });
  if (!response.ok) throw new Error(`status ${response.status}`);
  return ((await response.json()) as { bandsStatus: BandsStatus }).bandsStatus;
}

/**
 * While a scenario's Monte Carlo bands are computed in the background, says so and polls the
 * plan's status (once a second); when they are stored, refreshes the page so the bands, and the
 * commitment ladder sized on them, appear. Renders nothing for a plan without ranges.
 */
export function BandsProgress({ scenarioId, status, error, samples }: { scenarioId: string; status: BandsStatus; error: string | null; samples: number | null }) {
  const router = useRouter();
  const waiting = status === "pending" || status === "running";
  const { data } = useQuery({
    queryKey: ["plan-status", scenarioId, status],
    queryFn: ({ signal }) => fetchStatus(scenarioId, signal),
    enabled: waiting,
    refetchInterval: (query) => (query.state.data === "ready" || query.state.data === "failed" ? false : 1_000),
    staleTime: 0,
  });
  useEffect(() => {
    if (waiting && (data === "ready" || data === "failed")) router.refresh();
  }, [data, waiting, router]);

  if (status === "failed") {
    return (
      <p role="alert" className="mb-6 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
        The uncertainty bands could not be computed, so the figures below are the likely case only. {error ? `(${error.split("\n")[0]})` : null}
      </p>
    );
  }
  if (!waiting) return null;
  return (
    <p role="status" className="mb-6 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
      <span aria-hidden className="mr-2 inline-block size-2 animate-pulse rounded-full bg-sky-500" />
      Computing the uncertainty bands{samples ? ` (${samples.toLocaleString("en-US")} Monte Carlo samples)` : ""} in the background. The figures below are
      the likely case; the P10–P90 bands and a commitment ladder sized on the low path replace them when ready.
    </p>
  );
}
