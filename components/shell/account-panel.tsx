import { KeyRound, LogOut, ScrollText } from "lucide-react";
import Link from "next/link";

import { signOutAction } from "@/lib/actions/auth";
import { can } from "@/lib/policy";
import { currentPrincipal } from "@/lib/services/page-data";

const LINK = "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-200 hover:bg-slate-800 hover:text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-400";

/** Who is signed in, with their role, the admin pages for admins, and sign out; nothing when signed out. */
export async function AccountPanel() {
  const principal = await currentPrincipal();
  if (!principal || principal.kind !== "user") return null;
  return (
    <div className="flex flex-col gap-1 border-t border-slate-700 pt-3" aria-label="Account">
      <p className="px-3 text-sm text-white">
        <span className="block truncate font-medium" title={principal.email}>
          {principal.name}
        </span>
        <span className="text-xs text-slate-300">Role: {principal.role}</span>
      </p>
      {can(principal, "admin") ? (
        <>
          <Link href="/admin/tokens" className={LINK}>
            <KeyRound className="size-4" aria-hidden />
            API tokens
          </Link>
          <Link href="/admin/audit" className={LINK}>
            <ScrollText className="size-4" aria-hidden />
            Audit log
          </Link>
        </>
      ) : null}
      <form action={signOutAction}>
        <button type="submit" className={`${LINK} w-full`}>
          <LogOut className="size-4" aria-hidden />
          Sign out
        </button>
      </form>
    </div>
  );
}
