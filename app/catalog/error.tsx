"use client";

import { RouteError } from "@/components/shell/route-error";

/** The catalog page threw while loading instance types, prices or overrides. */
export default function CatalogError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <RouteError what="the catalog" digest={error.digest} retry={retry} />;
}
