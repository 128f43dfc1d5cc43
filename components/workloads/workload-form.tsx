"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useActionState, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/native-select";
import { EditFields, FieldError, FormField, FormStatus, SubmitRow, type EditTarget } from "@/components/workloads/form-field";
import type { StageKind, StageSpec } from "@/lib/model/types";
import type { WorkloadInput } from "@/lib/entities/workload";
import { newStage, STAGE_FIELDS, STAGE_KINDS } from "@/lib/forms/workload-fields";
import { displayValue, getPath, INITIAL_FORM_STATE, type FieldSpec, type FormState, type FormValues } from "@/lib/forms/form-values";

type StageRow = { key: string; kind: StageKind; values: Record<string, string> };

const PROFILE_FIELDS: FieldSpec[] = [
  { name: "name", label: "Name", help: "What the team calls this pipeline.", type: "text" },
  { name: "team", label: "Team", help: "The team that owns it.", type: "text", optional: true },
  { name: "tags", label: "Tags", help: "Comma-separated, e.g. kafka, flink, clickstream. Search matches tags exactly.", type: "text", optional: true },
  { name: "description", label: "Description", help: "What flows through it and who reads it.", type: "textarea", optional: true },
];

const KIND_FIELD: FieldSpec = {
  name: "spec.kind",
  label: "Kind",
  help: "Streaming workloads are priced per million events, batch per TB processed; the stages must match.",
  type: "select",
  options: [
    { value: "streaming", label: "Streaming" },
    { value: "batch", label: "Batch" },
  ],
};

let rowCounter = 0;
const nextKey = () => `stage-${++rowCounter}`;

/** A stored stage as the strings its inputs show. */
function stageRowValues(stage: StageSpec): Record<string, string> {
  return Object.fromEntries(
    STAGE_FIELDS[stage.kind].map((field) => {
      const value = getPath(stage, field.name);
      return [field.name, field.type === "checkbox" ? (value ? "on" : "") : displayValue(value)];
    }),
  );
}

/** The stage rows a failed submit echoed back, keeping the keys of the rows on screen. */
function rowsFromValues(values: FormValues, previous: StageRow[]): StageRow[] {
  const rows: StageRow[] = [];
  for (let index = 0; ; index++) {
    const kind = values[`spec.stages.${index}.kind`];
    if (kind !== "broker" && kind !== "stream" && kind !== "batch") break;
    const prefix = `spec.stages.${index}.`;
    const rowValues = Object.fromEntries(STAGE_FIELDS[kind].map((field) => [field.name, values[`${prefix}${field.name}`] ?? ""]));
    rows.push({ key: previous[index]?.key ?? nextKey(), kind, values: rowValues });
  }
  return rows;
}

type WorkloadFormProps = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  initial: WorkloadInput;
  submitLabel: string;
  /** Edit only: the profile, the version it was loaded at, and the loaded snapshot (JSON). */
  edit?: EditTarget;
};

/**
 * The create / edit form of a workload profile: metadata, then the pipeline's stages with every
 * model input (add, remove, reorder). Validated by the shared schema on the server; the
 * submitted values come back on failure, so nothing typed is lost.
 */
export function WorkloadForm({ action, initial, submitLabel, edit }: WorkloadFormProps) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const [rows, setRows] = useState<StageRow[]>(() => initial.spec.stages.map((stage) => ({ key: nextKey(), kind: stage.kind, values: stageRowValues(stage) })));
  const [echoed, setEchoed] = useState<FormState>(INITIAL_FORM_STATE);
  const [newKind, setNewKind] = useState<StageKind>("stream");

  // A failed submit echoes the values: rebuild the rows from them (derived state, during render).
  if (state !== echoed) {
    setEchoed(state);
    if (state.values) setRows((current) => rowsFromValues(state.values ?? {}, current));
  }

  const errors = state.fieldErrors ?? {};
  const top = (name: string) => state.values?.[name] ?? displayValue(getPath(initial, name));

  const move = (index: number, by: -1 | 1) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });
  const addStage = () =>
    setRows((current) => {
      const taken = new Set(current.map((row) => row.values.name));
      let n = current.length + 1;
      while (taken.has(`${newKind}-${n}`)) n++;
      return [...current, { key: nextKey(), kind: newKind, values: stageRowValues(newStage(newKind, `${newKind}-${n}`)) }];
    });

  return (
    <form action={formAction} noValidate className="grid gap-6" aria-label={submitLabel}>
      <EditFields edit={edit} state={state} />
      <FormStatus state={state} />
      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
          <CardDescription>Who owns this pipeline and how to find it.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          {PROFILE_FIELDS.map((field) => (
            <div key={field.name} className={field.type === "textarea" ? "md:col-span-2" : undefined}>
              <FormField field={field} name={field.name} defaultValue={top(field.name)} errors={errors[field.name]} />
            </div>
          ))}
          <FormField field={KIND_FIELD} name={KIND_FIELD.name} defaultValue={top("spec.kind")} errors={errors["spec.kind"]} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Pipeline stages</CardTitle>
          <CardDescription>In the order events flow. Each stage is sized by its own model and runs on its own node group.</CardDescription>
          <FieldError id="f-spec-stages-error" messages={errors["spec.stages"]} />
        </CardHeader>
        <CardContent className="grid gap-4">
          {rows.map((row, index) => (
            <StageFieldset
              key={row.key}
              row={row}
              index={index}
              count={rows.length}
              errors={errors}
              onMove={(by) => move(index, by)}
              onRemove={() => setRows((current) => current.filter((r) => r.key !== row.key))}
            />
          ))}
          <div className="flex flex-wrap items-end gap-2 rounded-md border border-dashed border-slate-300 p-3">
            <div className="flex flex-col gap-1">
              <label htmlFor="new-stage-kind" className="text-sm font-medium text-slate-800">
                New stage kind
              </label>
              <NativeSelect id="new-stage-kind" value={newKind} onChange={(e) => setNewKind(e.target.value as StageKind)} className="w-48">
                {STAGE_KINDS.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k.label}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <Button type="button" variant="outline" onClick={addStage}>
              <Plus aria-hidden />
              Add stage
            </Button>
            <p className="text-xs text-slate-500">{STAGE_KINDS.find((k) => k.kind === newKind)?.description}</p>
          </div>
        </CardContent>
      </Card>

      <SubmitRow label={submitLabel} pending={pending} state={state} />
    </form>
  );
}

type StageFieldsetProps = {
  row: StageRow;
  index: number;
  count: number;
  errors: Record<string, string[]>;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

function StageFieldset({ row, index, count, errors, onMove, onRemove }: StageFieldsetProps) {
  const prefix = `spec.stages.${index}.`;
  const fields = STAGE_FIELDS[row.kind];
  const title = row.values.name || `Stage ${index + 1}`;
  const render = (field: FieldSpec) => (
    <FormField key={field.name} field={field} name={`${prefix}${field.name}`} defaultValue={row.values[field.name] ?? ""} errors={errors[`${prefix}${field.name}`]} />
  );
  const advancedErrors = fields.some((field) => field.advanced && errors[`${prefix}${field.name}`]);
  return (
    <fieldset className="rounded-md border border-slate-200 p-4" aria-label={`Stage ${index + 1}`}>
      <input type="hidden" name={`${prefix}kind`} value={row.kind} />
      <legend className="flex items-center gap-2 px-1 text-sm font-semibold text-slate-900">
        Stage {index + 1}
        <Badge tone="info">{row.kind}</Badge>
        <span className="font-normal text-slate-500">{title}</span>
      </legend>
      <div className="mb-3 flex justify-end gap-1">
        <Button type="button" size="sm" variant="ghost" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Move stage ${index + 1} up`}>
          <ArrowUp aria-hidden />
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`Move stage ${index + 1} down`}>
          <ArrowDown aria-hidden />
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove stage ${index + 1}`}>
          <Trash2 aria-hidden />
        </Button>
      </div>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">{fields.filter((field) => !field.advanced).map(render)}</div>
      <details className="mt-4" open={advancedErrors || undefined}>
        <summary className="cursor-pointer text-sm font-medium text-sky-800">Advanced: limits, overhead and high availability</summary>
        <div className="mt-3 grid gap-4 md:grid-cols-2 xl:grid-cols-3">{fields.filter((field) => field.advanced).map(render)}</div>
      </details>
    </fieldset>
  );
}
