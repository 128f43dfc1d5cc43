"use client";

/**
 * "Terraform variables" on the scenario page: choose the point of the plan (the peak of the next
 * 12 months by default, one month, or the peak of a range), preview the `.auto.tfvars` file the
 * API generates from the stored plan, and download it as HCL or JSON.
 */
import { useEffect, useId, useState } from "react";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/native-select";

import { tfvarsUrl, type PointChoice } from "./tfvars-query";

/** The providers the API exports for; only the plan's is selectable (see the hint). */
const PROVIDERS = [
  { value: "aws", label: "AWS (EKS)" },
  { value: "gcp", label: "Google Cloud (GKE)" },
  { value: "azure", label: "Azure (AKS)" },
] as const;

/** The last answer, for the URL it answers; a preview of another URL is still loading. */
type Preview = { url: string } & ({ status: "ready"; text: string } | { status: "error"; message: string });

export type TfvarsPanelProps = {
  scenarioId: string;
  /** The plan's months, ISO `YYYY-MM`, in order. */
  months: string[];
  provider: string;
  region: string;
  /** File names of the two downloads. */
  fileNames: { hcl: string; json: string };
};

function MonthSelect({ label, value, months, onChange }: { label: string; value: string; months: readonly string[]; onChange: (month: string) => void }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <NativeSelect id={id} value={value} onChange={(event) => onChange(event.target.value)} className="w-32">
        {months.map((month) => (
          <option key={month} value={month}>
            {month}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

export function TfvarsPanel({ scenarioId, months, provider, region, fileNames }: TfvarsPanelProps) {
  const first = months[0] ?? "";
  const last = months[months.length - 1] ?? "";
  const [mode, setMode] = useState<PointChoice["kind"]>("next-12-months");
  const [month, setMonth] = useState(first);
  const [from, setFrom] = useState(first);
  const [to, setTo] = useState(months[Math.min(11, months.length - 1)] ?? last);
  const [answer, setAnswer] = useState<Preview | null>(null);
  const point: PointChoice = mode === "month" ? { kind: "month", month } : mode === "peak" ? { kind: "peak", from, to } : { kind: "next-12-months" };
  const hclUrl = tfvarsUrl(scenarioId, provider, point, "hcl");
  const jsonUrl = tfvarsUrl(scenarioId, provider, point, "json");
  const groupName = useId();
  const providerId = useId();
  const preview = answer?.url === hclUrl ? answer : { status: "loading" as const };

  useEffect(() => {
    const controller = new AbortController();
    fetch(hclUrl, { signal: controller.signal })
      .then(async (response) => {
        if (response.ok) return setAnswer({ url: hclUrl, status: "ready", text: await response.text() });
        const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
        setAnswer({ url: hclUrl, status: "error", message: problem?.detail ?? `The export failed (HTTP ${response.status}).` });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setAnswer({ url: hclUrl, status: "error", message: error instanceof Error ? error.message : "The export failed." });
      });
    return () => controller.abort();
  }, [hclUrl]);

  const options: { kind: PointChoice["kind"]; label: string }[] = [
    { kind: "next-12-months", label: "Peak of the next 12 months" },
    { kind: "month", label: "One month" },
    { kind: "peak", label: "Peak of a range" },
  ];

  return (
    <Card aria-labelledby="tfvars-heading" className="mt-6 print:hidden">
      <CardHeader>
        <CardTitle id="tfvars-heading">Terraform variables</CardTitle>
        <CardDescription>
          Node groups, Kafka brokers, workload settings, storage lifecycle, DR and tags for {provider.toUpperCase()} {region}, from the stored plan,
          with the reason and cost of every value as comments. Use them with terraform/modules/capacity.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-sm font-medium text-slate-800">Point of the plan</legend>
          <div className="flex flex-wrap gap-4">
            {options.map((option) => (
              <label key={option.kind} className="flex items-center gap-2 text-sm">
                <input type="radio" name={groupName} value={option.kind} checked={mode === option.kind} onChange={() => setMode(option.kind)} />
                {option.label}
              </label>
            ))}
          </div>
          {mode === "month" ? <MonthSelect label="Month" value={month} months={months} onChange={setMonth} /> : null}
          {mode === "peak" ? (
            <div className="flex flex-wrap gap-4">
              <MonthSelect label="From" value={from} months={months} onChange={setFrom} />
              <MonthSelect label="To" value={to} months={months} onChange={setTo} />
            </div>
          ) : null}
        </fieldset>
        <div className="flex flex-col gap-1">
          <label htmlFor={providerId} className="text-sm font-medium text-slate-800">
            Provider
          </label>
          <NativeSelect id={providerId} value={provider} onChange={() => undefined} aria-describedby={`${providerId}-hint`} className="w-48">
            {PROVIDERS.map((option) => (
              <option key={option.value} value={option.value} disabled={option.value !== provider}>
                {option.label}
              </option>
            ))}
          </NativeSelect>
          <p id={`${providerId}-hint`} className="text-xs text-slate-600">
            The plan is priced in {provider.toUpperCase()} {region}, so its node types exist only there. To export for another provider, plan a scenario
            filtered to it.
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          <a href={hclUrl} download={fileNames.hcl} className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500">
            Download {fileNames.hcl}
          </a>
          <a href={jsonUrl} download={fileNames.json} className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500">
            Download {fileNames.json}
          </a>
        </div>
        <div aria-live="polite">
          {preview.status === "error" ? (
            <p role="alert" className="text-sm text-red-700">
              {preview.message}
            </p>
          ) : (
            <pre
              aria-label="Preview of the .auto.tfvars file"
              aria-busy={preview.status === "loading"}
              tabIndex={0}
              className="max-h-96 overflow-auto rounded-md bg-slate-950 p-3 text-xs leading-relaxed text-slate-100"
            >
              {preview.status === "ready" ? preview.text : "Generating…"}
            </pre>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
