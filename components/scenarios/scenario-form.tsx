"use client";

import { Plus, Trash2 } from "lucide-react";
import { useActionState, useState, type Dispatch, type ReactNode, type SetStateAction } from "react";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/native-select";
import { EditFields, FieldError, FormField, FormStatus, SubmitRow, fieldId, type EditTarget } from "@/components/workloads/form-field";
import {
  GROWTH_KINDS,
  GROWTH_RATE_FIELD,
  growthRateWarning,
  HORIZON_FIELDS,
  SCENARIO_SECTIONS,
  SLO_OVERRIDE_FIELDS,
  STEP_EVENT_FIELDS,
  type InstanceOption,
  type OverridableStage,
} from "@/lib/forms/scenario-form";
import type { ScenarioInput } from "@/lib/entities/scenario";
import { displayValue, getPath, INITIAL_FORM_STATE, type FieldSpec, type FormState, type FormValues } from "@/lib/forms/form-values";

type EventRow = { key: string; values: Record<string, string> };

let eventCounter = 0;
const nextKey = () => `event-${++eventCounter}`;

function eventRowsFromValues(values: FormValues): EventRow[] {
  const rows: EventRow[] = [];
  for (let index = 0; values[`spec.growth.stepEvents.${index}.multiplier`] !== undefined; index++) {
    const prefix = `spec.growth.stepEvents.${index}.`;
    rows.push({ key: nextKey(), values: Object.fromEntries(STEP_EVENT_FIELDS.map((f) => [f.name, values[`${prefix}${f.name}`] ?? ""])) });
  }
  return rows;
}

/** The controlled choices of the form, from echoed values or the stored scenario. */
function choicesOf(values: FormValues | undefined, initial: ScenarioInput) {
  const { spec } = initial;
  return {
    growthKind: values?.["spec.growth.kind"] ?? spec.growth.kind,
    provider: values?.["spec.catalogFilter.provider"] ?? spec.catalogFilter.providers?.[0] ?? "",
    region: values?.["spec.catalogFilter.region"] ?? spec.catalogFilter.regions?.[0] ?? "",
    instanceMode: values?.["spec.instance.mode"] ?? spec.instance.mode,
    instanceType: values?.["spec.instance.instanceType"] ?? (spec.instance.mode === "fixed" ? spec.instance.instanceType : ""),
  };
}

type ScenarioFormProps = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  initial: ScenarioInput;
  stages: readonly OverridableStage[];
  instances: readonly InstanceOption[];
  submitLabel: string;
  workloadId: string;
  /** Edit only: the scenario, the version it was loaded at, and the loaded snapshot (JSON). */
  edit?: EditTarget;
};

type Choices = ReturnType<typeof choicesOf>;
/** Renders one field with its echoed value (after a failed submit) or its stored value. */
type RenderField = (spec: FieldSpec, name: string, stored: unknown) => ReactNode;
type Errors = Record<string, string[] | undefined>;

/**
 * The create / edit form of a scenario: growth, horizon, where and on what to run, SLO
 * overrides, and the purchase and DR blocks. Validated by the model's `ScenarioSpecSchema` on the
 * server; the submitted values come back on failure.
 */
export function ScenarioForm({ action, initial, stages, instances, submitLabel, workloadId, edit }: ScenarioFormProps) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const [echoed, setEchoed] = useState<FormState>(INITIAL_FORM_STATE);
  const [choices, setChoices] = useState(() => choicesOf(undefined, initial));
  const [events, setEvents] = useState<EventRow[]>(() =>
    initial.spec.growth.stepEvents.map((event) => ({
      key: nextKey(),
      values: Object.fromEntries(STEP_EVENT_FIELDS.map((f) => [f.name, displayValue(getPath(event, f.name))])),
    })),
  );

  if (state !== echoed) {
    setEchoed(state);
    if (state.values) {
      setChoices(choicesOf(state.values, initial));
      setEvents(eventRowsFromValues(state.values));
    }
  }

  const errors: Errors = state.fieldErrors ?? {};
  const value = (name: string, stored: unknown) => state.values?.[name] ?? displayValue(stored);
  // Keyed by the value shown too: React resets a form after its action, and a select keeps the
  // option it mounted with, so a select re-mounts with the echoed value after a failed submit.
  const field: RenderField = (spec, name, stored) => (
    <FormField key={spec.type === "select" ? `${name}=${value(name, stored)}` : name} field={spec} name={name} defaultValue={value(name, stored)} errors={errors[name]} />
  );
  const set = (change: Partial<Choices>) => setChoices((current) => ({ ...current, ...change }));

  return (
    <form action={formAction} noValidate className="grid gap-6" aria-label={submitLabel}>
      <input type="hidden" name="workloadId" value={workloadId} />
      <EditFields edit={edit} state={state} />
      <FormStatus state={state} />

      <Card>
        <CardHeader>
          <CardTitle>Scenario</CardTitle>
          <CardDescription>A future to test: how demand grows, for how long, and on what it runs.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-3">
          {field({ name: "name", label: "Name", help: "E.g. Baseline, or Aggressive growth.", type: "text" }, "name", initial.name)}
          <div className="md:col-span-2">
            {field({ name: "description", label: "Description", help: "The assumptions behind it.", type: "textarea", optional: true }, "description", initial.description)}
          </div>
          {HORIZON_FIELDS.map((f) => field(f, `spec.${f.name}`, getPath(initial.spec, f.name)))}
        </CardContent>
      </Card>

      <GrowthSection growth={initial.spec.growth} shownRate={value("spec.growth.rate", storedGrowthRate(initial.spec.growth))} growthKind={choices.growthKind} onGrowthKind={(growthKind) => set({ growthKind })} events={events} setEvents={setEvents} field={field} errors={errors} />
      <PlacementSection instances={instances} choices={choices} set={set} errors={errors} />
      <SloOverridesSection initial={initial} stages={stages} field={field} />

      {SCENARIO_SECTIONS.map((section) => (
        <Card key={section.key}>
          <CardHeader>
            <CardTitle>{section.title}</CardTitle>
            <CardDescription>{section.description}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-3">
            {section.fields.map((f) => field(f, `spec.${section.key}.${f.name}`, getPath(initial.spec[section.key], f.name)))}
          </CardContent>
        </Card>
      ))}

      <SubmitRow label={submitLabel} pending={pending} state={state} />
    </form>
  );
}

/** A labelled select with its error line, for the form's controlled choices. */
function ChoiceSelect({ name, label, value, onChange, errors, disabled, children }: { name: string; label: string; value: string; onChange: (value: string) => void; errors: Errors; disabled?: boolean; children: ReactNode }) {
  const id = fieldId(name);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <NativeSelect id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} aria-describedby={`${id}-error`}>
        {children}
      </NativeSelect>
      <FieldError id={`${id}-error`} messages={errors[name]} />
    </div>
  );
}

/** The stored scenario's rate of its growth kind (none for flat growth). */
function storedGrowthRate(growth: ScenarioInput["spec"]["growth"]): number | undefined {
  return growth.kind === "compound" ? growth.monthlyGrowthRatio : growth.kind === "linear" ? growth.monthlyIncreaseRatio : undefined;
}

/** Growth model, its rate, and the dated step events (rows added and removed in place). */
function GrowthSection({ growth, shownRate, growthKind, onGrowthKind, events, setEvents, field, errors }: {
  growth: ScenarioInput["spec"]["growth"];
  /** The rate the input shows first (echoed after a failed submit, else stored). */
  shownRate: string;
  growthKind: string;
  onGrowthKind: (kind: string) => void;
  events: EventRow[];
  setEvents: Dispatch<SetStateAction<EventRow[]>>;
  field: RenderField;
  errors: Errors;
}) {
  const storedRate = storedGrowthRate(growth);
  /** The growth rate as typed (undefined until the field changes), for the annual-rate warning. */
  const [typedRate, setTypedRate] = useState<string | undefined>(undefined);
  const rateWarning = growthKind === "flat" ? null : growthRateWarning(growthKind, typedRate ?? shownRate);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Growth</CardTitle>
        <CardDescription>Applied to every stage&apos;s traffic (or data volume), month by month, times any step events.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-4 md:grid-cols-3">
          <ChoiceSelect name="spec.growth.kind" label="Growth model" value={growthKind} onChange={onGrowthKind} errors={errors}>
            {GROWTH_KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </ChoiceSelect>
          {growthKind === "flat" ? null : (
            <div onChange={(e) => setTypedRate((e.target as HTMLInputElement).value)}>
              {field(GROWTH_RATE_FIELD, "spec.growth.rate", storedRate)}
            </div>
          )}
        </div>
        {rateWarning === null ? null : (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-slate-800">
            {rateWarning}
          </p>
        )}
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">Step events</legend>
          <p className="text-xs text-slate-500">Dated changes in demand: a launch, a migration, a holiday peak.</p>
          {events.map((row, index) => (
            <div key={row.key} className="grid items-start gap-2 rounded-md border border-slate-200 p-3 md:grid-cols-[repeat(4,minmax(0,1fr))_auto]" role="group" aria-label={`Step event ${index + 1}`}>
              {STEP_EVENT_FIELDS.map((f) => {
                const name = `spec.growth.stepEvents.${index}.${f.name}`;
                return <FormField key={name} field={f} name={name} defaultValue={row.values[f.name] ?? ""} errors={errors[name]} compact />;
              })}
              <Button type="button" variant="ghost" size="sm" className="mt-6" aria-label={`Remove step event ${index + 1}`} onClick={() => setEvents((current) => current.filter((r) => r.key !== row.key))}>
                <Trash2 aria-hidden />
              </Button>
            </div>
          ))}
          <div>
            <Button type="button" variant="outline" size="sm" onClick={() => setEvents((current) => [...current, { key: nextKey(), values: { at: "", multiplier: "", durationMonths: "", label: "" } }])}>
              <Plus aria-hidden />
              Add step event
            </Button>
          </div>
        </fieldset>
      </CardContent>
    </Card>
  );
}

/** Provider and region to price in, and how each stage's instance type is chosen. */
function PlacementSection({ instances, choices, set, errors }: { instances: readonly InstanceOption[]; choices: Choices; set: (change: Partial<Choices>) => void; errors: Errors }) {
  const providers = [...new Set(instances.map((i) => i.provider))];
  const regions = [...new Set(instances.filter((i) => i.provider === choices.provider).map((i) => i.region))];
  const eligible = instances
    .filter((i) => (!choices.provider || i.provider === choices.provider) && (!choices.region || i.region === choices.region))
    .sort((a, b) => a.onDemandUsdPerHour - b.onDemandUsdPerHour);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Where and on what</CardTitle>
        <CardDescription>The provider and region to price in, and how each stage&apos;s instance type is chosen.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 md:grid-cols-2">
        <ChoiceSelect name="spec.catalogFilter.provider" label="Provider" value={choices.provider} onChange={(provider) => set({ provider, region: "", instanceType: "" })} errors={errors}>
          <option value="">Any provider</option>
          {providers.map((p) => (
            <option key={p} value={p}>
              {p.toUpperCase()}
            </option>
          ))}
        </ChoiceSelect>
        <ChoiceSelect name="spec.catalogFilter.region" label="Region" value={choices.region} onChange={(region) => set({ region, instanceType: "" })} errors={errors} disabled={!choices.provider}>
          <option value="">Any region</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </ChoiceSelect>
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium text-slate-800">Instance choice</legend>
          {INSTANCE_MODES.map((option) => (
            <label key={option.value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="spec.instance.mode" value={option.value} checked={choices.instanceMode === option.value} onChange={() => set({ instanceMode: option.value })} />
              {option.label}
            </label>
          ))}
        </fieldset>
        {choices.instanceMode === "fixed" ? (
          <ChoiceSelect name="spec.instance.instanceType" label="Instance type" value={choices.instanceType} onChange={(instanceType) => set({ instanceType })} errors={errors}>
            <option value="">Choose an instance type</option>
            {eligible.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name} · {i.vcpu} vCPU · {i.memoryGib} GiB · ${i.onDemandUsdPerHour.toFixed(3)}/h{choices.region ? "" : ` · ${i.region}`}
              </option>
            ))}
          </ChoiceSelect>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** The two ways a stage's node type is chosen (lib/model InstanceChoiceSchema). */
const INSTANCE_MODES = [
  { value: "cheapest", label: "Lowest cost of ownership over the horizon, per stage" },
  { value: "fixed", label: "One fixed instance type for every stage" },
] as const;

/** Per-stage SLO and headroom overrides; an empty field keeps the workload profile's value. */
function SloOverridesSection({ initial, stages, field }: { initial: ScenarioInput; stages: readonly OverridableStage[]; field: RenderField }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>SLO overrides</CardTitle>
        <CardDescription>Change a stage&apos;s SLO or headroom for this scenario only; empty keeps the profile&apos;s value.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {stages.map((stage, index) => (
          <fieldset key={stage.name} className="grid gap-3 md:grid-cols-3" aria-label={`Overrides for ${stage.name}`}>
            <legend className="mb-1 text-sm font-semibold text-slate-900">
              {stage.name} <span className="font-normal text-slate-500">({stage.kind})</span>
            </legend>
            {SLO_OVERRIDE_FIELDS[stage.kind].map((f) => field(f, `spec.sloOverrides.${index}.${f.name}`, initial.spec.sloOverrides[stage.name]?.[f.name as keyof (typeof initial.spec.sloOverrides)[string]]))}
          </fieldset>
        ))}
      </CardContent>
    </Card>
  );
}
