"use client";

import { AlertTriangle } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/**
 * What a route shows when it threw. Server error messages are hidden in production, so it says what
 * failed, that nothing saved was lost, what to do, and the digest that matches the server log.
 * "Try again" re-fetches the segment's data and renders it again (Next's `retry`).
 */
export function RouteError({ what, digest, retry, backHref = "/workloads", backLabel = "Back to workloads" }: {
  /** What could not be shown, e.g. "this scenario". */
  what: string;
  digest?: string;
  retry: () => void;
  backHref?: string;
  backLabel?: string;
}) {
  return (
    <div role="alert" className="mx-auto mt-16 flex max-w-lg flex-col items-center gap-3 text-center">
      <AlertTriangle className="size-8 text-amber-600" aria-hidden />
      <h1 className="text-xl font-semibold">Headroom could not show {what}</h1>
      <p className="text-sm text-slate-600">
        Nothing you saved was lost. Try again; if it keeps happening, check the server log{digest ? ` for error ${digest}` : ""}.
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        <Button onClick={retry}>Try again</Button>
        <Button asChild variant="outline">
          <Link href={backHref}>{backLabel}</Link>
        </Button>
      </div>
    </div>
  );
}
