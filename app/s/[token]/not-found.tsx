/** Same answer for a revoked, expired or mistyped link: nothing to learn from the difference. */
export default function ShareNotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">This shared gallery is not available</h1>
      <p className="mt-2 text-neutral-600">The link may have been revoked by its owner, or it has expired. Ask them for a new one.</p>
    </main>
  );
}
