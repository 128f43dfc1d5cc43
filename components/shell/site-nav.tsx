"use client";

import { BookOpen, Braces, Columns3, GitCompareArrows, LayoutDashboard, Layers, Server } from "lucide-react";
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

/** Links for integrators, below the main sections. */
const SECONDARY_ITEMS = [{ href: "/api-reference", label: "API reference", icon: Braces }] as const;

type NavItem = { href: string; label: string; icon: typeof BookOpen };

function NavLinks({ items, pathname, onNavigate, small }: { items: readonly NavItem[]; pathname: string; onNavigate?: () => void; small?: boolean }) {
  return items.map(({ href, label, icon: Icon }) => {
    const current = pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
    return (
      <Link
        key={href}
        href={href}
        aria-current={current ? "page" : undefined}
        onClick={onNavigate}
        className={cn(
          "flex items-center gap-2 rounded-md px-3 py-2 font-medium text-slate-200 hover:bg-slate-800 hover:text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-400",
          small ? "text-xs" : "text-sm",
          current && "bg-slate-800 text-white",
        )}
      >
        <Icon className="size-4" aria-hidden />
        {label}
      </Link>
    );
  });
}

/**
 * The primary navigation and, apart from it, the secondary links (the API reference); the current
 * page is marked with aria-current. `onNavigate` runs when a link is followed (the drawer closes).
 */
export function SiteNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Main" className="flex flex-col gap-1">
        <NavLinks items={NAV_ITEMS} pathname={pathname} onNavigate={onNavigate} />
      </nav>
      <nav aria-label="For integrators" className="flex flex-col gap-1 border-t border-slate-800 pt-3">
        <NavLinks items={SECONDARY_ITEMS} pathname={pathname} onNavigate={onNavigate} small />
      </nav>
    </div>
  );
}
