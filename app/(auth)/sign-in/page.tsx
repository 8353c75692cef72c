import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { currentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { setupRequired } from "@/lib/server/services/auth/setup";
import { safeNextPath } from "@/lib/client/url";

// Reads the database on every request: never prerendered.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  if (await setupRequired(db())) redirect("/setup");
  const raw = (await searchParams).next;
  const next = safeNextPath(typeof raw === "string" ? raw : null) ?? "/";
  if (await currentUser()) redirect(next);
  return (
    <AuthCard title="Sign in" subtitle="No account yet? Ask an admin of this studio for an invitation.">
      <CredentialsForm
        testId="sign-in-form"
        endpoint="/api/session"
        next={next}
        submitLabel="Sign in"
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "username" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ]}
      />
    </AuthCard>
  );
}
