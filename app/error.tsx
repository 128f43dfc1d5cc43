"use client";

import { RouteError } from "@/components/shell/route-error";

/** The last line of defence for a route that threw (the shell around it keeps working). */
export default function AppError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <RouteError what="this page" digest={error.digest} retry={retry} />;
}
