import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { ROLE_INFO } from "@/lib/auth/roles";
import { isDomainError } from "@/lib/domain/errors";
import { MIN_PASSWORD } from "@/lib/server/auth/better-auth";
import { db } from "@/lib/server/db";
import { describeInvitation } from "@/lib/server/services/auth/invitations";

// Reads the database on every request: never prerendered.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Accept invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describeInvitation(db(), token).catch((e) => {
    if (isDomainError(e)) return { problem: e.message };
    throw e;
  });
  if ("problem" in invitation) {
    return (
      <AuthCard title="Invitation not valid" subtitle={invitation.problem}>
        <Link href="/sign-in" className="text-sm font-medium text-accent-700 hover:underline">
          Go to sign-in
        </Link>
      </AuthCard>
    );
  }
  const role = ROLE_INFO[invitation.role];
  return (
    <AuthCard
      title="Join ProDa Studio"
      subtitle={
        <>
          You are invited as <strong className="font-medium text-zinc-900">{role.label}</strong>: {role.description.toLowerCase()}.
        </>
      }
    >
      <CredentialsForm
        testId="invite-form"
        endpoint="/api/invitations/accept"
        submitLabel="Create my account"
        extra={{ token }}
        fields={[
          { name: "email", label: "Email", value: invitation.email, readOnly: true },
          { name: "name", label: "Your name", autoComplete: "name" },
          { name: "password", label: "Password", type: "password", autoComplete: "new-password", hint: `${MIN_PASSWORD}+ characters` },
        ]}
      />
    </AuthCard>
  );
}
