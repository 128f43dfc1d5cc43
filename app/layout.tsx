import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountPanel } from "@/components/shell/account-panel";
import { HealthIndicator } from "@/components/shell/health-indicator";
import { MobileNav } from "@/components/shell/mobile-nav";
import { SiteNav } from "@/components/shell/site-nav";
import { inter } from "./fonts/inter";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Headroom", template: "%s · Headroom" },
  description: "Capacity planning and cost modeling for data-pipeline infrastructure.",
  applicationName: "Headroom",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0f172a",
};

/**
 * The shell: a skip link, then from 1,024 px a fixed sidebar, below it a top bar whose menu button
 * opens the same navigation as a drawer. `main` is focusable so the skip link moves focus there.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="font-sans">
        <Providers>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-[60] focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900 focus:shadow focus:ring-2 focus:ring-sky-600"
          >
            Skip to content
          </a>
          <MobileNav account={<AccountPanel />} />
          <div className="flex min-h-screen">
            <aside className="sticky top-0 hidden h-screen w-56 shrink-0 flex-col justify-between overflow-y-auto bg-slate-900 px-3 py-5 lg:flex print:hidden">
              <div className="flex flex-col gap-6">
                <Link href="/" className="rounded px-3 text-lg font-semibold tracking-tight text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-400">
                  Headroom
                </Link>
                <SiteNav />
              </div>
              <div className="flex flex-col gap-3">
                <AccountPanel />
                <div className="px-3">
                  <HealthIndicator />
                </div>
              </div>
            </aside>
            <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-5 focus:outline-none sm:px-6 lg:px-8 lg:py-6 print:p-0">
              {children}
            </main>
          </div>
        </Providers>
      </body>
    </html>
  );
}
