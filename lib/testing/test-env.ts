import { resetEnvForTests } from "@/lib/env";

/**
 * Sets environment variables for a test (undefined deletes one) and makes `env()` read them
 * again; the returned function puts back what was there before.
 */
export function setTestEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvForTests();
  };
  apply(vars);
  return () => apply(saved);
}
