// CSRF defence (lucia-auth.com, "Cross-site request forgery"): a state-changing request must carry
// an Origin header naming this site. SameSite=Lax cookies already stop most cross-site posts; this
// closes the rest (sibling subdomains, old browsers).
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * @param {{ method: string; origin: string | undefined; host: string | undefined; protocol?: string; appOrigin: string | null }} req
 *   protocol: the scheme the request arrived on ("http" or "https"; behind a trusted proxy, the one
 *   the proxy was asked for). Compared too: a page on http://host must not write to https://host.
 * @returns {boolean} true when the request may proceed
 */
export function isAllowedOrigin({ method, origin, host, protocol = "http", appOrigin }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (!origin) return false;
  if (appOrigin) return origin === new URL(appOrigin).origin;
  if (!host) return false;
  try {
    const expected = new URL(`${protocol}://${host}`);
    return new URL(origin).origin === expected.origin;
  } catch {
    return false;
  }
}

/** Express middleware form. */
export function originCheck(appOrigin) {
  return (req, res, next) => {
    if (
      isAllowedOrigin({
        method: req.method,
        origin: req.headers.origin,
        host: req.headers.host,
        protocol: req.protocol,
        appOrigin,
      })
    ) {
      next();
      return;
    }
    res
      .status(403)
      .type("text/plain")
      .send("This request came from another site, so it was refused.");
  };
}
