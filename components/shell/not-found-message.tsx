import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** A friendly dead end: what is missing, why that may be, and the way back. */
export function NotFoundMessage({ title, detail }: { title: string; detail: string }) {
  return (
    <div className="mx-auto mt-16 flex max-w-lg flex-col items-center gap-3 text-center">
      <SearchX className="size-8 text-slate-500" aria-hidden />
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-slate-600">{detail}</p>
      <div className="flex flex-wrap justify-center gap-2">
        <Button asChild variant="outline">
          <Link href="/workloads">Back to workloads</Link>
        </Button>
        <Button asChild variant="ghost">
          <Link href="/scenarios">All scenarios</Link>
        </Button>
      </div>
    </div>
  );
}
