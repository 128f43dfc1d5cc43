"use client";

import { useState, type FormEvent } from "react";

/** `1_048_576` → "1 MiB", `2_500_000` → "2.5 MB": the limit as the form's message states it. */
function sizeLabel(bytes: number): string {
  if (bytes % 1_048_576 === 0) return `${bytes / 1_048_576} MiB`;
  return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
}

/**
 * Stops a form from posting a file over `maxBytes` and says why next to the field, instead of
 * sending megabytes the server would refuse (a server action over its body limit fails without a
 * form message). Spread `onSubmit` on the form; show `error` with the file field's errors.
 *
 * @param fieldName - the file input's `name`
 */
export function useFileSizeGuard(fieldName: string, maxBytes: number) {
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem(fieldName);
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (file && file.size > maxBytes) {
      event.preventDefault();
      setError(`${file.name} is ${sizeLabel(file.size)}; the limit is ${sizeLabel(maxBytes)}. Nothing was sent.`);
    } else {
      setError(null);
    }
  };
  return { error, onSubmit };
}
