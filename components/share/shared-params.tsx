/** The parameters of a shared image, when its owner chose to show them (server component). */
export function SharedParams({ params, compact = false }: { params: Record<string, unknown>; compact?: boolean }) {
  const entries = Object.entries(params).filter(([k]) => k !== "task_type");
  if (entries.length === 0) return null;
  return (
    <dl className={`grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 ${compact ? "text-xs" : "text-sm"} text-neutral-700`} data-testid="shared-params">
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-neutral-500">{k}</dt>
          <dd className="break-words">{Array.isArray(v) ? v.join(", ") : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
