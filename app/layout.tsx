import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ProDa Studio", template: "%s · ProDa Studio" },
  description: "A web IDE for programming with data: corpus, knowledge, tests, training data, models and patches.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { themeColor: "#09090b" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts need that response's CSP nonce (proxy.ts), which
  // a page prerendered at build time could not carry.
  await connection();
  return (
    <html lang="en">
      <body className="font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
