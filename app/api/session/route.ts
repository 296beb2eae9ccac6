import { handleSessionForm } from "@/lib/auth/sign-in-service";
import { clientAddress, visitorProtocol } from "@/lib/http/forwarded";
import { handleRoute } from "@/lib/http/handle-route";
import { formBody } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";

/** A password and a next path fit in far less; a sign-in form is never bigger. */
const FORM_LIMIT = 16 * 1024;

/** Sign in, sign out, sign out everywhere: a plain HTML form post (lib/auth/sign-in-service.ts). */
export const POST = handleRoute({ body: formBody(FORM_LIMIT) }, async (req, _ctx, body) =>
  handleSessionForm(body.value, {
    cookieHeader: req.headers.get("cookie"),
    address: clientAddress(req.headers),
    secure: visitorProtocol(req.headers) === "https",
  }),
);
