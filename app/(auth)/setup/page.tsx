import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { db } from "@/lib/server/db";
import { setupRequired } from "@/lib/server/services/auth/setup";
import { MIN_PASSWORD } from "@/lib/server/auth/better-auth";

// Reads the database on every request: never prerendered.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create the admin account" };

export default async function SetupPage() {
  if (!(await setupRequired(db()))) redirect("/sign-in");
  return (
    <AuthCard
      title="Welcome to ProDa Studio"
      subtitle="Create the admin account of this studio. Admins invite everyone else and give them their roles."
    >
      <CredentialsForm
        testId="setup-form"
        endpoint="/api/setup"
        submitLabel="Create admin account"
        fields={[
          { name: "name", label: "Your name", autoComplete: "name" },
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "new-password", hint: `${MIN_PASSWORD}+ characters` },
        ]}
      />
    </AuthCard>
  );
}
