"use client";

import { Download } from "lucide-react";
import { useRef, useState, type ReactNode } from "react";

import { Button } from "@/components/ui/button";

import { chartSvgMarkup, downloadPng, downloadSvg, type LegendEntry } from "./chart-export";

/** "Monthly total, P10–P90" → "monthly-total-p10-p90". */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** A titled chart with PNG and SVG downloads of what it draws. */
export function ChartFrame({ title, description, legend, children }: { title: string; description: string; legend: readonly LegendEntry[]; children: ReactNode }) {
  const figure = useRef<HTMLElement>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (format: "png" | "svg") => {
    if (!figure.current) return;
    try {
      setError(null);
      const svg = chartSvgMarkup(figure.current, title, legend);
      const fileName = `headroom-compare-${slug(title)}.${format}`;
      if (format === "svg") downloadSvg(svg.markup, fileName);
      else await downloadPng(svg, fileName);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "The download failed.");
    }
  };
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-100 px-5 py-3">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
          <p className="text-xs text-slate-500">{description}</p>
        </div>
        <div className="flex gap-2">
          <Button size="sm" variant="outline" onClick={() => void save("png")} aria-label={`Download ${title} as PNG`}>
            <Download aria-hidden /> PNG
          </Button>
          <Button size="sm" variant="outline" onClick={() => void save("svg")} aria-label={`Download ${title} as SVG`}>
            <Download aria-hidden /> SVG
          </Button>
        </div>
      </div>
      <figure ref={figure} aria-label={title} className="h-80 w-full px-2 py-3">
        {children}
      </figure>
      {error ? (
        <p role="alert" className="px-5 pb-3 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
