import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto mt-16 flex max-w-lg flex-col items-center gap-3 text-center">
      <SearchX className="size-8 text-slate-400" aria-hidden />
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-sm text-slate-600">There is nothing at this address. It may have been deleted, or the link is mistyped.</p>
      <Button asChild variant="outline">
        <Link href="/workloads">Back to workloads</Link>
      </Button>
    </div>
  );
}
