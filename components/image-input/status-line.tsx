import type { LoadStatus } from "@/components/image-input/use-image-loader";

/**
 * "Reading image…", what was changed automatically, and load failures. Always rendered (empty
 * when idle) so screen readers hear each change of the live region.
 */
export function StatusLine({ id, status, notices, fixError }: { id: string; status: LoadStatus; notices: string[]; fixError: string | null }) {
  const error = status.state === "error" ? status.message : fixError;
  return (
    <div id={id} className="flex flex-col gap-1 text-sm" aria-live="polite">
      {status.state === "reading" && (
        <p className="flex items-center gap-2 text-neutral-600">
          <span className="h-3 w-3 animate-spin rounded-full border-2 border-neutral-300 border-t-neutral-700" aria-hidden />
          {status.label}
        </p>
      )}
      {notices.map((n) => (
        <p key={n} className="rounded-md border border-blue-200 bg-blue-50 px-2.5 py-1.5 text-blue-900">
          {n}
        </p>
      ))}
      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-2.5 py-1.5 text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
