import type { Metadata } from "next";
import { PasswordCard } from "@/components/account/password-card";
import { TokensCard } from "@/components/account/tokens-card";

export const metadata: Metadata = { title: "Account" };

export default function AccountPage() {
  return (
    <div className="mx-auto grid max-w-5xl items-start gap-6 p-6 lg:grid-cols-[20rem_1fr]">
      <PasswordCard />
      <TokensCard />
    </div>
  );
}
