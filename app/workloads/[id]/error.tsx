"use client";

import { RouteError } from "@/components/shell/route-error";

/** A workload profile, its edit form or one of its scenarios threw while loading. */
export default function WorkloadError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <RouteError what="this workload profile" digest={error.digest} retry={retry} />;
}
