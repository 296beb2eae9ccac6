"use client";

import { Alert } from "@/components/ui/alert";
import { describeError, isApiRequestError } from "@/lib/queries/api";

/** The server's refusal of a sweep: its message, then each field it names (refused cells, `drop`, a cap). */
export function ServerError({ error }: { error: unknown }) {
  const fields = isApiRequestError(error) ? error.fields : [];
  return (
    <Alert tone="error" testId="sweep-server-error">
      <p>{describeError(error)}</p>
      {fields.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {fields.map((f, i) => (
            <li key={i}>
              <span className="font-mono text-xs">{f.field}</span>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
