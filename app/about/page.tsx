import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "About" };

const SECTIONS = [
  {
    title: "Who it is for",
    body: [
      "Architects describe a pipeline — events per second, CPU time per event and its variability, payload size, latency SLO, retention, replication, growth — and model futures in the browser.",
      "FinOps review projected monthly spend: on-demand, spot and committed mixes, storage tiers, disaster-recovery cost and unit cost per million events, scenario against scenario.",
      "Engineers see, for every stage and month, the node count, the instance type and the constraint that set them.",
    ],
  },
  {
    title: "How the model works",
    body: [
      "Each pipeline stage is sized by its own model: message brokers by disk, network and partitions; stream processors by queueing theory (Erlang C for M/M/c, Allen–Cunneen for bursty G/G/c) against a latency percentile; batch stages by the arithmetic of their completion window.",
      "Workers are bin-packed onto the cheapest instance type that fits, by CPU and memory after reserved overhead, with N+1 and zone spread. Every count carries the constraint that bound it.",
      "Growth is applied month by month (compound, linear and dated step events). Every formula, its source and its units are in docs/model.md in the repository.",
    ],
  },
  {
    title: "Where the data lives",
    body: [
      "Without configuration Headroom runs on an embedded PostgreSQL (PGlite) in the .data folder, so it needs no database server. Set DATABASE_URL to use a PostgreSQL server instead; the same migrations apply to both.",
    ],
  },
];

export default function AboutPage() {
  return (
    <>
      <PageHeader
        title="About Headroom"
        description="Capacity planning and cost modeling for Kafka, Flink and Spark-style data pipelines on Kubernetes and cloud VMs."
      />
      <div className="grid max-w-4xl gap-4">
        {SECTIONS.map((section) => (
          <Card key={section.title}>
            <CardHeader>
              <CardTitle>{section.title}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-2 text-sm leading-6 text-slate-700">
              {section.body.map((paragraph) => (
                <p key={paragraph}>{paragraph}</p>
              ))}
            </CardContent>
          </Card>
        ))}
        <Card>
          <CardHeader>
            <CardTitle>For integrators</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-2 text-sm leading-6 text-slate-700">
            <p>
              Everything the pages show is also an HTTP API under /api/v1: workloads and scenarios (create, read, replace, delete), each scenario&apos;s stored plan and
              Terraform variables, the priced catalog and comparisons. The{" "}
              <Link href="/api-reference" className="font-medium text-sky-700 underline underline-offset-2 hover:text-sky-900">
                API reference
              </Link>{" "}
              lists every operation with a curl example; its OpenAPI 3.1 document is at /api/v1/openapi.json.
            </p>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
