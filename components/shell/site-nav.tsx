"use client";

import { BookOpen, Columns3, GitCompareArrows, LayoutDashboard, Layers, Server } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const NAV_ITEMS = [
  { href: "/", label: "Portfolio", icon: LayoutDashboard },
  { href: "/workloads", label: "Workloads", icon: Layers },
  { href: "/scenarios", label: "Scenarios", icon: GitCompareArrows },
  { href: "/compare", label: "Compare", icon: Columns3 },
  { href: "/catalog", label: "Catalog", icon: Server },
  { href: "/about", label: "About", icon: BookOpen },
] as const;

/** The primary navigation; the current section is marked with aria-current. `onNavigate` runs when a link is followed (the drawer closes). */
export function SiteNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {NAV_ITEMS.map(({ href, label, icon: Icon }) => {
        const current = pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? "page" : undefined}
            onClick={onNavigate}
            className={cn(
              "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-200 hover:bg-slate-800 hover:text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-400",
              current && "bg-slate-800 text-white",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
