"use client";

import { useSyncExternalStore } from "react";

const subscribeNothing = () => () => {};

/** True in the browser after hydration, false on the server: Recharts measures the DOM. */
export function useInBrowser(): boolean {
  return useSyncExternalStore(subscribeNothing, () => true, () => false);
}
