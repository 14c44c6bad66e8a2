"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// A run starts within the scheduler's tick (2 s) and reports progress after every file.
const REFRESH_MS = 2_000;

/** Re-renders the page from the server while a run is queued or under way. */
export function AutoRefresh({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
