import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { HealthIndicator } from "@/components/shell/health-indicator";
import { SiteNav } from "@/components/shell/site-nav";
import { inter } from "./fonts/inter";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Headroom", template: "%s · Headroom" },
  description: "Capacity planning and cost modeling for data-pipeline infrastructure.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="font-sans">
        <Providers>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
            Skip to content
          </a>
          <div className="flex min-h-screen">
            <aside className="flex w-56 shrink-0 flex-col justify-between bg-slate-900 px-3 py-5">
              <div className="flex flex-col gap-6">
                <Link href="/" className="px-3 text-lg font-semibold tracking-tight text-white">
                  Headroom
                </Link>
                <SiteNav />
              </div>
              <div className="px-3">
                <HealthIndicator />
              </div>
            </aside>
            <main id="main" className="min-w-0 flex-1 px-8 py-6">
              {children}
            </main>
          </div>
        </Providers>
      </body>
    </html>
  );
}
