"use client";

import { useActionState, useId, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { resetOverrideAction, setItemPriceOverrideAction, setProviderDiscountAction } from "@/lib/actions/catalog";
import { INITIAL_FORM_STATE } from "@/lib/forms/form-values";

import { CatalogImportForm } from "./catalog-import-form";
import { CatalogRollbackForm } from "./catalog-rollback-form";
import { FormField, FormMessage } from "./form-field";

/** A provider's discount as the panel shows it (plain data: it crosses to the browser). */
export type ProviderDiscountView = {
  provider: "aws" | "gcp" | "azure";
  name: string;
  /** The discount in force as a display percentage, or null for list prices. */
  discountPercent: number | null;
  reason: string | null;
  actor: string | null;
  /** The key's latest revision (set or reset), 0 when never set. */
  revision: number;
};

/** An item price override in force. */
export type ItemOverrideView = {
  key: string;
  itemId: string;
  unit: string;
  listValue: number | null;
  priceUsd: number;
  reason: string;
  actor: string;
  changedAt: string;
  revision: number;
};

/** An item that can be overridden: its id, the unit of its price, and its key's latest revision. */
export type OverridableItem = { id: string; unit: string; listValue: number; revision: number };

function ResetForm({ overrideKey, revision, label }: { overrideKey: string; revision: number; label: string }) {
  const [state, action, pending] = useActionState(resetOverrideAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="key" value={overrideKey} />
      <input type="hidden" name="expectedRevision" value={revision} />
      <input type="hidden" name="reason" value="" />
      <Button type="submit" variant="outline" size="sm" disabled={pending} aria-label={label}>
        Reset
      </Button>
      {state.message && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}

function DiscountForm({ view }: { view: ProviderDiscountView }) {
  const [state, action, pending] = useActionState(setProviderDiscountAction, INITIAL_FORM_STATE);
  const id = useId();
  const values = state.values;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-slate-200 p-3" role="group" aria-label={`${view.name} discount`}>
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{view.name}</h3>
        {view.discountPercent === null ? (
          <Badge>List prices</Badge>
        ) : (
          <Badge tone="info">−{view.discountPercent} % on-demand</Badge>
        )}
      </div>
      {view.discountPercent !== null ? (
        <p className="text-xs text-slate-600">
          {view.reason} — {view.actor}
        </p>
      ) : null}
      <form action={action} className="flex flex-col gap-2">
        <input type="hidden" name="provider" value={view.provider} />
        <input type="hidden" name="expectedRevision" value={view.revision} />
        <FormField id={`${id}-pct`} label={`${view.name} discount`} hint="(% off on-demand)" errors={state.fieldErrors?.discountPercent}>
          {(props) => <Input {...props} name="discountPercent" inputMode="decimal" defaultValue={values?.discountPercent ?? view.discountPercent ?? ""} />}
        </FormField>
        <FormField id={`${id}-reason`} label={`${view.name} discount reason`} errors={state.fieldErrors?.reason}>
          {(props) => <Input {...props} name="reason" placeholder="e.g. EDP contract 2026" defaultValue={values?.reason ?? ""} />}
        </FormField>
        <Button type="submit" size="sm" disabled={pending}>
          Set {view.name} discount
        </Button>
        <FormMessage state={state} />
      </form>
      {view.discountPercent !== null ? (
        <ResetForm overrideKey={`discount:${view.provider}`} revision={view.revision} label={`Reset ${view.name} discount`} />
      ) : null}
    </div>
  );
}

function ItemOverrideForm({ items, revisionByItem }: { items: OverridableItem[]; revisionByItem: Record<string, number> }) {
  const [state, action, pending] = useActionState(setItemPriceOverrideAction, INITIAL_FORM_STATE);
  const [itemId, setItemId] = useState(state.values?.itemId ?? "");
  const id = useId();
  const item = items.find((i) => i.id === itemId.trim());
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[2fr_1fr_2fr_auto] sm:items-start">
      <input type="hidden" name="expectedRevision" value={item?.revision ?? revisionByItem[itemId.trim()] ?? 0} />
      <FormField id={`${id}-item`} label="Item" hint="(instance, storage tier or transfer price id)" errors={state.fieldErrors?.itemId}>
        {(props) => (
          <>
            <Input {...props} name="itemId" list={`${id}-items`} value={itemId} onChange={(e) => setItemId(e.target.value)} placeholder="aws:us-east-1:m7i.xlarge" autoComplete="off" />
            <datalist id={`${id}-items`}>
              {items.map((i) => (
                <option key={i.id} value={i.id} />
              ))}
            </datalist>
          </>
        )}
      </FormField>
      <FormField id={`${id}-price`} label="Net price" hint={item ? `(${item.unit}, list ${item.listValue})` : "(USD)"} errors={state.fieldErrors?.priceUsd}>
        {(props) => <Input {...props} name="priceUsd" inputMode="decimal" defaultValue={state.values?.priceUsd ?? ""} />}
      </FormField>
      <FormField id={`${id}-reason`} label="Override reason" errors={state.fieldErrors?.reason}>
        {(props) => <Input {...props} name="reason" placeholder="e.g. private pricing quote Q-1234" defaultValue={state.values?.reason ?? ""} />}
      </FormField>
      <Button type="submit" className="sm:mt-6" disabled={pending}>
        Override price
      </Button>
      <div className="sm:col-span-4">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/**
 * FinOps controls: the negotiated discount per provider, per-item price overrides, the overrides
 * in force with their reset, the CSV import and the rollback to an earlier catalog version. Every
 * change is recorded with the signed-in user.
 */
export function FinOpsPanel({
  discounts,
  itemOverrides,
  items,
  revisionByItem,
  earlierVersions,
}: {
  discounts: ProviderDiscountView[];
  itemOverrides: ItemOverrideView[];
  /** The items the picker suggests (not necessarily every item of the catalog). */
  items: OverridableItem[];
  /** Latest override revision of every item ever overridden, for ids typed outside `items`. */
  revisionByItem: Record<string, number>;
  /** Catalog versions other than the current one, newest first (the rollback's choices). */
  earlierVersions: readonly string[];
}) {
  return (
    <Card aria-labelledby="finops-title">
      <CardHeader>
        <CardTitle id="finops-title">FinOps overrides</CardTitle>
        <CardDescription>
          A provider discount takes a percentage off every on-demand instance price of that provider. An item override is a
          negotiated net price and replaces the list price (the discount does not apply on top). Every change is versioned;
          resetting restores the list price.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        <section aria-label="Provider discounts" className="grid gap-3 md:grid-cols-3">
          {discounts.map((view) => (
            <DiscountForm key={view.provider} view={view} />
          ))}
        </section>
        <section aria-labelledby="item-override-title" className="flex flex-col gap-2">
          <h3 id="item-override-title" className="text-sm font-semibold text-slate-900">
            Override an item price
          </h3>
          <ItemOverrideForm items={items} revisionByItem={revisionByItem} />
        </section>
        <section aria-labelledby="item-overrides-title" className="flex flex-col gap-2">
          <h3 id="item-overrides-title" className="text-sm font-semibold text-slate-900">
            Item overrides in force
          </h3>
          {itemOverrides.length === 0 ? (
            <p className="text-sm text-slate-600">None: every item uses its list price (less the provider discount, if any).</p>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-100 text-sm">
              {itemOverrides.map((o) => (
                <li key={o.key} className="flex flex-wrap items-center justify-between gap-3 py-2">
                  <div>
                    <span className="font-mono">{o.itemId}</span>{" "}
                    <span className="tabular-nums">
                      {o.listValue !== null ? <s className="text-slate-500">{o.listValue}</s> : null} {o.priceUsd} {o.unit}
                    </span>
                    <p className="text-xs text-slate-600">
                      {o.reason} — {o.actor}, {o.changedAt}
                    </p>
                  </div>
                  <ResetForm overrideKey={o.key} revision={o.revision} label={`Reset ${o.itemId}`} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <CatalogImportForm />
        <CatalogRollbackForm earlierVersions={earlierVersions} />
      </CardContent>
    </Card>
  );
}
