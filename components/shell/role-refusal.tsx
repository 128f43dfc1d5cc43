import { ShieldAlert } from "lucide-react";
import Link from "next/link";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** What an edit page shows to someone whose role may not edit: lib/policy's sentence, and a way back. */
export function RoleRefusal({ message, backHref, backLabel }: { message: string; backHref: string; backLabel: string }) {
  return (
    <div role="alert">
      <EmptyState
        icon={ShieldAlert}
        title="Read-only for your role"
        action={
          <Button asChild variant="outline">
            <Link href={backHref}>{backLabel}</Link>
          </Button>
        }
      >
        {message} Ask an admin if you need to.
      </EmptyState>
    </div>
  );
}
