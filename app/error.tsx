"use client";

import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * The last line of defence for a route that threw. Server error messages are hidden in production,
 * so the page says what the user can do and shows the digest that matches the server log.
 */
export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto mt-16 flex max-w-lg flex-col items-center gap-3 text-center">
      <AlertTriangle className="size-8 text-amber-500" aria-hidden />
      <h1 className="text-xl font-semibold">Something went wrong on this page</h1>
      <p className="text-sm text-slate-600">
        Headroom could not finish loading it. Nothing you saved was lost. Try again; if it keeps happening, check the
        server log{error.digest ? ` for error ${error.digest}` : ""}.
      </p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
