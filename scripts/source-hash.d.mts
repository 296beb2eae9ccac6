/** Types of scripts/source-hash.mjs, for the tests that import it (lib/lifecycle/source-hash.test.ts). */
export function sourceHash(root: string): { hash: string; files: number; source: "git" | "walk" };
export const SOURCE_HASH_FILE: string;
export function storedHash(root: string): string | null;
