import { DatabaseZap } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** Shown in place of a page's data while the database cannot be reached; it recovers on reload. */
export function DatabaseUnavailable({ message, retryHref }: { message: string; retryHref: string }) {
  return (
    <div role="alert" className="flex flex-col items-start gap-3 rounded-lg border border-red-200 bg-red-50 px-6 py-5">
      <div className="flex items-center gap-2 text-red-800">
        <DatabaseZap className="size-5" aria-hidden />
        <h2 className="text-base font-semibold">The database is unavailable</h2>
      </div>
      <p className="text-sm text-red-900">{message}</p>
      <p className="text-sm text-red-900">Nothing was changed. Headroom reconnects by itself once the database answers again.</p>
      <Button asChild variant="outline" size="sm">
        <Link href={retryHref}>Try again</Link>
      </Button>
    </div>
  );
}
