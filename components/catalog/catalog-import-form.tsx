"use client";

import { Download, Upload } from "lucide-react";
import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { useFileSizeGuard } from "@/components/ui/file-size-guard";
import { Input } from "@/components/ui/input";
import { NumericCell, Table, TableCell, TableHead } from "@/components/ui/table";
import { importCatalogCsvAction, type CatalogImportState } from "@/lib/actions/catalog";
import { MAX_CATALOG_CSV_BYTES } from "@/lib/forms/upload-limits";

import { FormField, FormMessage } from "./form-field";

const INITIAL: CatalogImportState = { ok: false };

/**
 * CSV round trip: download the current instance catalog, upload an edited file as a new catalog
 * version. A file with any bad row imports nothing, and each problem is listed with its line; a file
 * that would shrink the catalog drastically says what would go and asks for a confirmation.
 */
export function CatalogImportForm() {
  const [state, action, pending] = useActionState(importCatalogCsvAction, INITIAL);
  const tooLarge = useFileSizeGuard("file", MAX_CATALOG_CSV_BYTES);
  return (
    <section aria-labelledby="csv-title" className="flex flex-col gap-3 border-t border-slate-100 pt-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="csv-title" className="text-sm font-semibold text-slate-900">
          Instance prices as CSV
        </h3>
        <Button asChild variant="outline" size="sm">
          <a href="/api/v1/catalog/export" download>
            <Download aria-hidden />
            Export CSV
          </a>
        </Button>
      </div>
      <p className="text-sm text-slate-600">
        Importing a file creates a new catalog version with its instance types (storage, transfer and commitment prices carry
        over) and makes it the current catalog. Overrides stay in force.
      </p>
      <form action={action} onSubmit={tooLarge.onSubmit} className="flex flex-wrap items-start gap-3">
        <FormField id="catalog-csv-file" label="CSV file" errors={[...(tooLarge.error ? [tooLarge.error] : []), ...(state.fieldErrors?.file ?? [])]}>
          {(props) => <Input {...props} type="file" name="file" accept=".csv,text/csv" className="h-auto py-1.5" />}
        </FormField>
        <Button type="submit" className="mt-6" disabled={pending}>
          <Upload aria-hidden />
          {pending ? "Importing…" : "Import CSV"}
        </Button>
        {state.shrinkage ? (
          <div role="alert" className="basis-full rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            <p>{state.shrinkage}</p>
            <label className="mt-2 flex items-center gap-2 font-medium">
              <input type="checkbox" name="confirmShrink" value="on" />
              Replace the catalog anyway
            </label>
          </div>
        ) : null}
      </form>
      <FormMessage state={state} />
      {state.rowErrors?.length ? (
        <Table aria-label="Problems in the CSV file">
          <thead>
            <tr>
              <TableHead className="text-right">Line</TableHead>
              <TableHead>Field</TableHead>
              <TableHead>Problem</TableHead>
            </tr>
          </thead>
          <tbody>
            {state.rowErrors.map((error, index) => (
              <tr key={`${error.line}-${error.field}-${index}`}>
                <NumericCell>{error.line}</NumericCell>
                <TableCell className="font-mono">{error.field}</TableCell>
                <TableCell>{error.message}</TableCell>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </section>
  );
}
