import Link from "next/link";
import { NavLinks } from "@/components/layout/nav-links";
import { accessPassword } from "@/lib/auth/session";

export function SiteHeader() {
  const signedIn = accessPassword() !== null;
  return (
    <header className="border-b border-neutral-200 bg-white">
      {/* On a phone the links go under the name rather than past the screen's edge. */}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight whitespace-nowrap">
          Nova Canvas Playground
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <NavLinks />
          {signedIn && (
            <form method="post" action="/api/session" className="flex items-center">
              <button type="submit" name="action" value="sign-out" className="rounded-md px-3 py-1.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100">
                Sign out
              </button>
              <button
                type="submit"
                name="action"
                value="sign-out-everywhere"
                aria-label="Sign out everywhere"
                title="End every signed-in session, on every browser and device"
                className="rounded-md px-2 py-1.5 text-xs text-neutral-500 hover:bg-neutral-100"
              >
                Everywhere
              </button>
            </form>
          )}
        </div>
      </div>
    </header>
  );
}
