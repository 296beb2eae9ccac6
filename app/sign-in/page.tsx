import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/access";
import { accessPassword } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in · Nova Canvas Playground", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The password form (plain HTML: it works without JavaScript). */
export default async function SignInPage({ searchParams }: Props) {
  const q = await searchParams;
  const next = safeNextPath(one(q.next));
  if (!accessPassword()) redirect(next);
  const error = one(q.error);
  const retry = Number(one(q.retry) ?? 0);
  const message =
    error === "password"
      ? "That password is not right."
      : error === "rate"
        ? `Too many wrong passwords. Try again in ${retry >= 60 ? `${Math.ceil(retry / 60)} minutes` : `${retry} seconds`}.`
        : null;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-4 px-4">
      <h1 className="text-xl font-semibold">Nova Canvas Playground</h1>
      {one(q["signed-out"]) && <p className="text-sm text-neutral-600">You are signed out.</p>}
      {one(q.expired) && <p className="text-sm text-neutral-600">Your session has ended (signed out here or everywhere). Sign in again.</p>}
      <form method="post" action="/api/session" className="flex flex-col gap-3">
        <input type="hidden" name="next" value={next} />
        <label htmlFor="password" className="text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          required
          autoFocus
          autoComplete="current-password"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? "password-error" : undefined}
          className="rounded-md border border-neutral-300 px-3 py-2 aria-invalid:border-red-600"
        />
        {message && (
          <p id="password-error" role="alert" className="text-sm text-red-700">
            {message}
          </p>
        )}
        <button type="submit" className="rounded-md bg-neutral-900 px-3 py-2 text-sm font-medium text-white hover:bg-neutral-700">
          Sign in
        </button>
      </form>
      <p className="text-xs text-neutral-500">Shared gallery links work without signing in.</p>
    </main>
  );
}
