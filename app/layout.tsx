import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tripline", template: "%s · Tripline" },
  description: "Abuse of cloud control-plane APIs in CloudTrail, Azure Activity and Entra ID logs",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/alerts" className="brand">
            Tripline
          </Link>
          <nav aria-label="Main">
            <Link href="/alerts">Alerts</Link>
            <Link href="/ingest">Upload</Link>
            <Link href="/allowlist">Allowlist</Link>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
