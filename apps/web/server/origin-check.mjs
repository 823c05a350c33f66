// CSRF defence (lucia-auth.com, "Cross-site request forgery"): a state-changing request must carry
// an Origin header naming this site. SameSite=Lax cookies already stop most cross-site posts; this
// closes the rest (sibling subdomains, old browsers).
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * @param {{ method: string; origin: string | undefined; host: string | undefined; appOrigin: string | null }} req
 * @returns {boolean} true when the request may proceed
 */
export function isAllowedOrigin({ method, origin, host, appOrigin }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (!origin) return false;
  if (appOrigin) return origin === new URL(appOrigin).origin;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Express middleware form. */
export function originCheck(appOrigin) {
  return (req, res, next) => {
    if (isAllowedOrigin({ method: req.method, origin: req.headers.origin, host: req.headers.host, appOrigin })) {
      next();
      return;
    }
    res.status(403).type("text/plain").send("This request came from another site, so it was refused.");
  };
}
