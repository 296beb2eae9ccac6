/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // The app shows its images with plain <img> (components/ui/plain-img.tsx). Off, the optimiser's
  // endpoint (/_next/image) answers 404 instead of decoding stored images with sharp outside
  // the decode slots and limits of lib/images/decode-slots.ts, and caching every size asked for.
  images: { unoptimized: true },
  reactStrictMode: true,
};

export default nextConfig;
