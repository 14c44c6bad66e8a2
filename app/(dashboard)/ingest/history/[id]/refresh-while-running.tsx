"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// A poll every 1.5 s keeps the counts live (the server writes progress every second).
const POLL_MS = 1500;

/** Re-renders the job page from the server while the job runs; stops once it has ended. */
export function RefreshWhileRunning({ running }: { running: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [running, router]);
  return running ? <p className="hint">Running: this page updates itself.</p> : null;
}
