"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { memo, useActionState, useDeferredValue, useEffect, useMemo, useState } from "react";

import { CompareCharts } from "@/components/compare/compare-charts";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { FieldError, FormStatus, fieldId } from "@/components/workloads/form-field";
import { applyWhatIfAction, saveWhatIfAsScenarioAction } from "@/lib/actions/what-if";
import type { WhatIfFigures } from "@/lib/compare/what-if";
import { INITIAL_FORM_STATE } from "@/lib/forms/form-values";
import type { InstanceOption } from "@/lib/forms/scenario-form";
import {
  applyWhatIf,
  changedWhatIfValues,
  WHAT_IF_FIELDS,
  WHAT_IF_PARAMS,
  whatIfQuery,
  whatIfValuesOf,
  type WhatIfErrors,
  type WhatIfField,
  type WhatIfParam,
  type WhatIfStage,
  type WhatIfValues,
} from "@/lib/forms/what-if";
import type { ScenarioSpec } from "@/lib/model/types";
import type { WhatIfPreviewResult } from "@/lib/services/what-if";
import { formatUsdPrecise } from "@/lib/format";
import { cn } from "@/lib/utils";

import { WhatIfKpis } from "./what-if-kpis";

/** Wait after the last keystroke before asking for a preview: one request per pause, not per key. */
const DEBOUNCE_MS = 100;

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** A preview from the what-if route; a failed request throws with the route's message. */
async function fetchPreview(url: string, signal: AbortSignal): Promise<WhatIfPreviewResult> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (response.status !== 200) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `The preview failed (HTTP ${response.status}).`);
  }
  return (await response.json()) as WhatIfPreviewResult;
}

/** The page's URL with the what-if params replaced by `query` (other params, e.g. the table's view, kept). */
function urlWith(query: string): string {
  const params = new URLSearchParams(window.location.search);
  for (const param of WHAT_IF_PARAMS) params.delete(param);
  for (const [key, value] of new URLSearchParams(query)) params.set(key, value);
  const search = params.toString();
  return `${window.location.pathname}${search ? `?${search}` : ""}${window.location.hash}`;
}

type WhatIfPanelProps = {
  scenarioId: string;
  workloadId: string;
  /** The scenario's version when the page was read: "Apply" writes only over that version. */
  version: number;
  scenarioName: string;
  savedSpec: ScenarioSpec;
  /** What each input shows when the URL does not override it. */
  saved: Record<WhatIfParam, string>;
  stages: readonly WhatIfStage[];
  instances: readonly InstanceOption[];
  /** The what-if params of the URL the page was loaded with, and their messages. */
  initial: { values: WhatIfValues; errors: WhatIfErrors };
  /** The saved plan's figures alone (shown while nothing is changed). */
  savedFigures: WhatIfFigures;
  /** The server's preview of the URL's what-if, so a shared link shows its figures at once. */
  initialPreview: WhatIfPreviewResult | null;
};

/**
 * The scenario page's what-if: inputs over the saved scenario, kept in the URL; each pause in
 * typing (100 ms) asks the what-if route for the deterministic priced plan of those inputs (React
 * Query keyed by the inputs: previous figures stay while the next arrive, a superseded request is
 * aborted), shown beside the saved plan with the change against it. The inputs are checked in the
 * browser with the same schema first, so a typo shows its message without a request.
 */
export function WhatIfPanel(props: WhatIfPanelProps) {
  const { scenarioId, workloadId, version, scenarioName, savedSpec, saved, stages, instances, initial, savedFigures, initialPreview } = props;
  const [values, setValues] = useState<Record<WhatIfParam, string>>(() => ({ ...saved, ...initial.values }));
  const query = whatIfQuery(changedWhatIfValues(values, saved));
  const settled = useDebounced(query, DEBOUNCE_MS);
  const instanceIds = useMemo(() => new Set(instances.map((option) => option.id)), [instances]);
  const checked = useMemo(
    () => (settled === "" ? null : applyWhatIf(savedSpec, whatIfValuesOf(new URLSearchParams(settled)).values, stages, instanceIds)),
    [settled, savedSpec, stages, instanceIds],
  );
  const initialQuery = whatIfQuery(initial.values);
  const basePath = `/workloads/${workloadId}/scenarios/${scenarioId}`;

  const preview = useQuery({
    queryKey: ["what-if", scenarioId, version, settled],
    queryFn: ({ signal }) => fetchPreview(`${basePath}/what-if?${settled}`, signal),
    enabled: settled !== "" && checked?.ok === true,
    placeholderData: keepPreviousData,
    initialData: settled === initialQuery && initialPreview ? initialPreview : undefined,
    staleTime: Infinity,
    retry: 1,
  });

  // The URL carries the what-if (replaced, not pushed: typing is not navigation).
  useEffect(() => {
    const next = urlWith(settled);
    if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, "", next);
  }, [settled]);

  const [saveState, saveAction, saving] = useActionState(saveWhatIfAsScenarioAction, INITIAL_FORM_STATE);
  const [applyState, applyAction, applying] = useActionState(applyWhatIfAction, INITIAL_FORM_STATE);
  const [lastAction, setLastAction] = useState<"save" | "apply">("save");
  const actionState = lastAction === "save" ? saveState : applyState;

  const previewErrors = preview.data?.kind === "invalid" && !preview.isPlaceholderData ? preview.data.errors : {};
  const errors: WhatIfErrors = { ...(settled === initialQuery ? initial.errors : {}), ...previewErrors, ...(checked && !checked.ok ? checked.errors : {}) };
  const hasErrors = Object.keys(errors).length > 0;
  const previewData = preview.data?.kind === "preview" ? preview.data : null;
  const typing = query !== settled;
  const fresh = settled === "" || (previewData !== null && !preview.isPlaceholderData && !typing);
  const figures = settled === "" ? savedFigures : (previewData?.figures ?? savedFigures);
  const busy = typing || preview.isFetching;
  // The charts redraw after the KPI table, in a render typing can interrupt.
  const chartFigures = useDeferredValue(figures);

  const set = (param: WhatIfParam, value: string) => setValues((current) => ({ ...current, [param]: value }));
  const changedValues = whatIfValuesOf(new URLSearchParams(query)).values;

  return (
    <Card role="region" aria-label="What-if" className="mb-6 border-sky-200">
      <CardHeader>
        <CardTitle>What-if</CardTitle>
        <CardDescription>
          Change an input to preview its plan beside the saved one, priced as saving would price it. Nothing is saved until you save it; the link carries your inputs.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <div className="grid gap-x-4 gap-y-3 sm:grid-cols-2 lg:grid-cols-5">
          {WHAT_IF_FIELDS.map((field) => (
            <WhatIfInput
              key={field.name}
              field={field}
              value={values[field.name]}
              changed={changedValues[field.name] !== undefined}
              savedValue={saved[field.name]}
              errors={errors[field.name]}
              instances={instances}
              disabled={field.name === "sloMs" && !stages.some((stage) => stage.kind === "stream")}
              onChange={(value) => set(field.name, value)}
            />
          ))}
        </div>

        <form className="grid gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
          <input type="hidden" name="scenarioId" value={scenarioId} />
          <input type="hidden" name="version" value={version} />
          {Object.entries(changedValues).map(([param, value]) => (
            <input key={param} type="hidden" name={param} value={value} />
          ))}
          <div className="flex flex-wrap items-end gap-3">
            <div className="grid min-w-0 flex-1 basis-64 gap-1">
              <label htmlFor="what-if-name" className="text-sm font-medium text-slate-800">
                Name of the new scenario
              </label>
              <Input
                id="what-if-name"
                name="name"
                defaultValue={`${scenarioName} (what-if)`.slice(0, 200)}
                aria-invalid={saveState.fieldErrors?.name ? true : undefined}
                aria-describedby="what-if-name-error"
              />
              <FieldError id="what-if-name-error" messages={saveState.fieldErrors?.name} />
            </div>
            <Button type="submit" formAction={saveAction} onClick={() => setLastAction("save")} disabled={saving || applying || hasErrors || query === ""}>
              {saving ? "Saving…" : "Save as new scenario"}
            </Button>
            <Button type="submit" variant="outline" formAction={applyAction} onClick={() => setLastAction("apply")} disabled={saving || applying || hasErrors || query === ""}>
              {applying ? "Applying…" : "Apply to this scenario"}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setValues(saved)} disabled={query === ""}>
              <RotateCcw aria-hidden /> Reset
            </Button>
          </div>
          <FormStatus state={actionState} />
        </form>

        <p role="status" aria-live="polite" className={cn("rounded-md px-3 py-2 text-sm", settled === "" ? "bg-slate-100 text-slate-700" : "bg-sky-50 text-sky-900")}>
          {whatIfStatus({ settled, busy, hasErrors, failed: preview.isError ? preview.error.message : null, figures })}
        </p>
        {previewData && figures.unpricedReason ? <p className="text-sm text-red-800">The what-if cannot be priced: {figures.unpricedReason}</p> : null}
        {previewData && figures.warnings.length > 0 ? (
          <ul className="list-disc pl-5 text-sm text-amber-900">
            {figures.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        ) : null}

        <div aria-busy={busy} className={cn("grid gap-5 transition-opacity", !fresh && "opacity-60")}>
          <div data-figures-for={fresh ? settled : undefined}>
            <MemoKpis names={figures.names} rows={figures.kpis} />
          </div>
          {/* The saved plan's own charts are below: the what-if draws its four only once there is something to compare. */}
          {chartFigures.names.length > 1 ? (
            <div data-charts-for={fresh && chartFigures === figures ? settled : undefined}>
              <ChartsView figures={chartFigures} />
            </div>
          ) : (
            <p className="text-sm text-slate-500">Charts of the what-if against the saved plan appear here once you change an input.</p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}

// Memoized, so typing (which re-renders the inputs) redraws neither the table nor four charts per key.
const MemoKpis = memo(WhatIfKpis);

const ChartsView = memo(function ChartsView({ figures }: { figures: WhatIfFigures }) {
  return <CompareCharts names={figures.names} months={figures.months} components={figures.components} nodes={figures.nodes} banded={figures.names.map(() => false)} />;
});

/** What the status line says: which figures are shown and whether they are the what-if's. */
function whatIfStatus({ settled, busy, hasErrors, failed, figures }: { settled: string; busy: boolean; hasErrors: boolean; failed: string | null; figures: WhatIfFigures }): string {
  if (settled === "" && !busy) return "Showing the saved plan. Change an input to preview a what-if.";
  if (hasErrors) return "Fix the highlighted inputs to preview this what-if; the figures below are the last valid preview.";
  if (failed) return `The preview could not be computed: ${failed}`;
  if (busy) return "Updating the preview…";
  const [savedCatalog, whatIfCatalog] = figures.catalogVersions;
  const repriced = whatIfCatalog && savedCatalog !== whatIfCatalog ? ` The what-if is priced with the current catalog ${whatIfCatalog} (the saved plan with ${savedCatalog}), as saving would price it.` : "";
  return `Preview, not saved: the What-if column and lines; the Saved plan is what is stored. Changes are against the saved plan.${repriced}`;
}

type WhatIfInputProps = {
  field: WhatIfField;
  value: string;
  changed: boolean;
  savedValue: string;
  errors: string[] | undefined;
  instances: readonly InstanceOption[];
  disabled: boolean;
  onChange: (value: string) => void;
};

/** One labelled what-if input; a changed one is marked and says what is saved. */
function WhatIfInput({ field, value, changed, savedValue, errors, instances, disabled, onChange }: WhatIfInputProps) {
  const id = fieldId(`what-if-${field.name}`);
  const invalid = Boolean(errors?.length);
  const describedBy = `${id}-help ${id}-error`;
  const common = { id, value, disabled, "aria-invalid": invalid || undefined, "aria-describedby": describedBy, className: cn(changed && "border-sky-500 bg-sky-50") };
  const options = field.name === "instance" ? [{ value: "cheapest", label: "Cheapest that fits" }, ...instances.map((option) => ({ value: option.id, label: instanceLabel(option) }))] : field.options;
  return (
    <div className="grid min-w-0 content-start gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {field.label}
        {field.unit ? <span className="ml-1 font-normal text-slate-500">({field.unit})</span> : null}
      </label>
      {options ? (
        <NativeSelect {...common} onChange={(event) => onChange(event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </NativeSelect>
      ) : (
        <Input {...common} type="text" inputMode="decimal" autoComplete="off" placeholder={field.emptyMeans} onChange={(event) => onChange(event.target.value)} />
      )}
      <p id={`${id}-help`} className="text-xs text-slate-500">
        {disabled ? "No stream stage in this profile." : changed ? `Saved: ${savedDisplay(field, savedValue, instances)}` : field.help}
      </p>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

function instanceLabel(option: InstanceOption): string {
  return `${option.name} · ${option.vcpu} vCPU, ${option.memoryGib} GiB · ${formatUsdPrecise(option.onDemandUsdPerHour)}/h`;
}

function savedDisplay(field: WhatIfField, savedValue: string, instances: readonly InstanceOption[]): string {
  if (savedValue === "") return field.emptyMeans ?? "—";
  if (field.name === "instance") return savedValue === "cheapest" ? "cheapest that fits" : (instances.find((option) => option.id === savedValue)?.name ?? savedValue);
  return field.options?.find((option) => option.value === savedValue)?.label ?? savedValue;
}
