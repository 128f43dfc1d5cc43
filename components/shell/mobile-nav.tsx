"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import Link from "next/link";
import { useState, type ReactNode } from "react";

import { HealthIndicator } from "./health-indicator";
import { SiteNav } from "./site-nav";

/**
 * Below 1,024 px the sidebar is a drawer behind a menu button: a modal dialog (Radix), so focus
 * moves into it on open, stays there, returns to the button on close, and Escape closes it. The
 * button carries `aria-expanded`; following a link closes the drawer. `account` is the signed-in
 * user's panel (a server component rendered by the layout).
 */
export function MobileNav({ account }: { account?: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <header className="sticky top-0 z-30 flex items-center gap-2 bg-slate-900 px-3 py-2 lg:hidden print:hidden">
        <DialogPrimitive.Trigger className="inline-flex size-10 items-center justify-center rounded-md text-white hover:bg-slate-800 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-400">
          <Menu className="size-5" aria-hidden />
          <span className="sr-only">Menu</span>
        </DialogPrimitive.Trigger>
        <Link href="/" className="rounded px-1 text-lg font-semibold tracking-tight text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-400">
          Headroom
        </Link>
      </header>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-slate-900/50 lg:hidden" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col justify-between overflow-y-auto bg-slate-900 px-3 py-4 shadow-xl focus:outline-none lg:hidden"
        >
          <div className="flex flex-col gap-6">
            <div className="flex items-center justify-between px-3">
              <DialogPrimitive.Title className="text-lg font-semibold tracking-tight text-white">Headroom</DialogPrimitive.Title>
              <DialogPrimitive.Close className="inline-flex size-9 items-center justify-center rounded-md text-slate-200 hover:bg-slate-800 hover:text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-400">
                <X className="size-5" aria-hidden />
                <span className="sr-only">Close menu</span>
              </DialogPrimitive.Close>
            </div>
            <SiteNav onNavigate={() => setOpen(false)} />
          </div>
          <div className="flex flex-col gap-3 pt-6">
            {account}
            <div className="px-3">
              <HealthIndicator />
            </div>
          </div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
