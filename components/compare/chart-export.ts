/**
 * A chart as a file: the Recharts SVG serialized on its own (title and legend drawn in, since
 * Recharts renders its legend as HTML), and a PNG of it rasterized through a canvas. Browser-only.
 */

export type LegendEntry = { name: string; color: string };

const SVG_NS = "http://www.w3.org/2000/svg";
const TITLE_HEIGHT_PX = 28;
const LEGEND_ROW_PX = 18;
/** PNGs at twice the on-screen size, so they stay sharp on a slide. */
const PNG_SCALE = 2;

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * A standalone SVG document of the chart in `figure`: white background, title above, legend below.
 *
 * @throws Error when the chart has not rendered an SVG yet
 */
export function chartSvgMarkup(figure: HTMLElement, title: string, legend: readonly LegendEntry[]): { markup: string; width: number; height: number } {
  // The chart's own surface, not a legend icon (Recharts draws those as small svg.recharts-surface too).
  const chart = [...figure.querySelectorAll<SVGSVGElement>("svg.recharts-surface")].find((surface) => !surface.closest(".recharts-legend-wrapper"));
  if (!chart) throw new Error("The chart has not been drawn yet.");
  const { width, height: chartHeight } = chart.getBoundingClientRect();
  const height = TITLE_HEIGHT_PX + chartHeight + LEGEND_ROW_PX * legend.length + 8;
  const root = svgElement("svg", { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, "font-family": "Inter, Arial, sans-serif" });
  root.append(svgElement("rect", { width, height, fill: "#ffffff" }));
  root.append(svgElement("text", { x: 8, y: 18, "font-size": 14, "font-weight": 600, fill: "#0f172a" }, title));
  const body = chart.cloneNode(true) as SVGSVGElement;
  body.setAttribute("x", "0");
  body.setAttribute("y", String(TITLE_HEIGHT_PX));
  body.setAttribute("width", String(width));
  body.setAttribute("height", String(chartHeight));
  root.append(body);
  legend.forEach((entry, index) => {
    const y = TITLE_HEIGHT_PX + chartHeight + LEGEND_ROW_PX * index + 12;
    root.append(svgElement("rect", { x: 12, y: y - 9, width: 10, height: 10, fill: entry.color }));
    root.append(svgElement("text", { x: 28, y, "font-size": 12, fill: "#334155" }, entry.name));
  });
  return { markup: new XMLSerializer().serializeToString(root), width, height };
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(markup: string, fileName: string): void {
  download(new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${markup}`], { type: "image/svg+xml" }), fileName);
}

/** Rasterizes the SVG through an image and a canvas, then downloads the PNG. */
export async function downloadPng(svg: { markup: string; width: number; height: number }, fileName: string): Promise<void> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.markup)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(svg.width * PNG_SCALE);
  canvas.height = Math.round(svg.height * PNG_SCALE);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw on a canvas.");
  context.scale(PNG_SCALE, PNG_SCALE);
  context.drawImage(image, 0, 0, svg.width, svg.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("The PNG could not be made.");
  download(blob, fileName);
}
