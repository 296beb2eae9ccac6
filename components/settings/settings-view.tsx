"use client";

import { NotifySetting } from "@/components/settings/notify-setting";
import { RequestBudgetFacts } from "@/components/settings/request-budget-facts";
import { SpendCapsForm } from "@/components/settings/spend-caps-form";
import { SpendPeriods } from "@/components/settings/spend-periods";
import { Alert } from "@/components/ui/alert";
import { describeError } from "@/lib/queries/api";
import { useBudget } from "@/lib/queries/use-budget";

const sectionClass = "flex flex-col gap-3";
const headingClass = "text-base font-semibold";

/** Spending caps (form and where each period stands), the request budget, and the ledger. */
export function SettingsView() {
  const { data: budget, error, dataUpdatedAt } = useBudget();
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="caps-heading" className={sectionClass}>
        <h2 id="caps-heading" className={headingClass}>
          Spending caps
        </h2>
        <p className="max-w-2xl text-sm text-neutral-600">
          A run is refused before it is sent when its highest possible cost does not fit what is left of a cap. Runs already sent
          are not stopped: the gateway has no cancel.
        </p>
        <SpendCapsForm />
        {budget && <SpendPeriods spend={budget.spend} />}
        {budget && (
          <p data-testid="time-zone-note" className="text-xs text-neutral-500">
            Days and months are counted in the server&apos;s time zone, {budget.spend.timeZone} (set with TZ), not in this
            browser&apos;s.
          </p>
        )}
      </section>

      <section aria-labelledby="requests-heading" className={sectionClass}>
        <h2 id="requests-heading" className={headingClass}>
          Request budget
        </h2>
        {budget ? (
          <RequestBudgetFacts budget={budget} now={dataUpdatedAt} />
        ) : error ? (
          <Alert tone="error">Could not load the request budget: {describeError(error)}</Alert>
        ) : (
          <p className="text-sm text-neutral-500">Loading…</p>
        )}
      </section>

      <section aria-labelledby="ledger-heading" className={sectionClass}>
        <h2 id="ledger-heading" className={headingClass}>
          Spend ledger
        </h2>
        <p className="max-w-2xl text-sm text-neutral-600">
          Every hold a run put on the caps and how it ended (charged, or released when nothing was billed), in order. Entries
          are only ever added, so deleting images never changes it.
        </p>
        <p>
          <a href="/api/spend/ledger" download className="text-sm font-medium text-blue-700 underline">
            Download ledger (CSV)
          </a>
        </p>
      </section>

      <NotifySetting />
    </div>
  );
}
