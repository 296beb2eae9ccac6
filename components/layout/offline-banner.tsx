/** Shown when no API key is set: results come from the built-in engine, not from Nova Canvas. */
export function OfflineBanner() {
  return (
    <div
      data-testid="offline-banner"
      role="status"
      className="border-b border-amber-300 bg-amber-100 px-4 py-2 text-center text-sm text-amber-900"
    >
      Offline engine: images are synthesised locally, not by Nova Canvas. Set EMPIRIOLABS_API_KEY to use the
      gateway.
    </div>
  );
}
