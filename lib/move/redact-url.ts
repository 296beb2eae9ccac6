/**
 * Database URLs as the move prints them: the password (in the userinfo or a `password=` query
 * parameter) replaced by `***`. The move never prints a URL any other way.
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    for (const name of [...u.searchParams.keys()]) {
      if (/pass|secret|key|token/i.test(name)) u.searchParams.set(name, "***");
    }
    return u.toString();
  } catch {
    return redactUrlsIn(url);
  }
}

/** Any `scheme://user:password@` in free text (an error message, another process's command line). */
export function redactUrlsIn(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi, "$1:***@")
    .replace(/([?&][^=\s&]*(?:pass|secret|key|token)[^=\s&]*=)[^\s&]*/gi, "$1***");
}

/**
 * An error message with the URL's password removed wherever it appears (raw or percent-decoded):
 * a driver may echo a connection string back in its errors.
 */
export function scrubPassword(text: string, url: string | undefined): string {
  let out = redactUrlsIn(text);
  if (!url) return out;
  try {
    const u = new URL(url);
    const secrets = [u.password, decodeURIComponent(u.password), u.searchParams.get("password") ?? ""].filter((s) => s.length >= 3);
    for (const s of secrets) out = out.split(s).join("***");
  } catch {
    // Not a URL: nothing more to take out.
  }
  return out;
}
