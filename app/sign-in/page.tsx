import type { Metadata } from "next";
import { connection } from "next/server";

import { DemoSignIn, SignInForm } from "@/components/auth/sign-in-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DEMO_PASSWORD, DEMO_USERS, demoModeEnabled } from "@/lib/services/auth-mode";

export const metadata: Metadata = { title: "Sign in" };

/** The one public page: e-mail and password, and in demo mode a button per demo role. */
export default async function SignInPage() {
  // Demo mode is read from the environment of the running server, not of the build.
  await connection();
  const demo = demoModeEnabled();
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <PageHeader title="Sign in" description="Headroom keeps who changed what: sign in to see and plan your organisation’s pipelines." />
      <Card>
        <CardHeader>
          <CardTitle>With your e-mail</CardTitle>
          <CardDescription>Accounts are created by an admin; there is no self sign-up.</CardDescription>
        </CardHeader>
        <CardContent>
          <SignInForm />
        </CardContent>
      </Card>
      {demo ? (
        <Card>
          <CardHeader>
            <CardTitle>Try a role</CardTitle>
            <CardDescription>Viewers read and export; architects edit workloads and scenarios; FinOps set budgets and prices; admins do everything.</CardDescription>
          </CardHeader>
          <CardContent>
            <DemoSignIn users={DEMO_USERS} password={DEMO_PASSWORD} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
