import { rawRequest, type RawResponse } from "./raw-http";

/** Cookies set by a response, as one Cookie header ("a=1; b=2"); deleted ones left out. */
export function cookiesOf(res: RawResponse): string {
  return (res.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .filter((c) => !c.endsWith("="))
    .join("; ");
}

/** POST /api/session as the sign-in form does, from `url`'s own origin. */
export function postSessionForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(url, "/api/session", {
    method: "POST",
    headers: { origin: url, "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Signs in and returns the Cookie header of the new session (and device). */
export async function signIn(url: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await postSessionForm(url, { password, next: "/" }, headers);
  const cookie = cookiesOf(res);
  if (res.status !== 303 || !cookie.includes("nova_session=")) throw new Error(`sign-in failed: ${res.status} ${res.headers.location}`);
  return cookie;
}
