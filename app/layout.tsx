import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { currentSession } from "@/lib/auth/current-user";
import "./globals.css";
import { SiteNav } from "./site-nav";

export const metadata: Metadata = {
  title: { default: "Tripline", template: "%s · Tripline" },
  description: "Abuse of cloud control-plane APIs in CloudTrail, Azure Activity and Entra ID logs",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();

  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/alerts" className="brand">
            Tripline
          </Link>
          {session ? <SiteNav user={session.user} /> : null}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
