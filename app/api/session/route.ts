import { handleSessionForm, sessionFormBody } from "@/lib/auth/sign-in-service";
import { clientAddress, visitorProtocol } from "@/lib/http/forwarded";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { handleRoute } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-body";
import { formBody } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";

/** Sign in, sign out, sign out everywhere: a plain HTML form post (lib/auth/sign-in-service.ts). */
export const POST = handleRoute({ body: formBody(BODY_LIMITS.signInForm) }, async (req, _ctx, body) =>
  handleSessionForm(parseBody(sessionFormBody, body), {
    cookieHeader: req.headers.get("cookie"),
    address: clientAddress(req.headers),
    secure: visitorProtocol(req.headers) === "https",
  }),
);
