"use client";

import { RouteError } from "@/components/shell/route-error";

/** The scenario page (or its edit form) threw while loading its plan. */
export default function ScenarioError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <RouteError what="this scenario" digest={error.digest} retry={retry} />;
}
