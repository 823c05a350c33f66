/**
 * Where to send someone after sign-in: only a path on this site. The target is resolved the way a
 * browser would (which drops tabs and newlines and treats backslashes as slashes), so
 * "/\t/evil.example" cannot become "//evil.example" after the check.
 */
const PROBE_ORIGIN = "http://rapport.invalid";

export function safeRedirectTarget(
  to: string | null | undefined,
  fallback = "/workspaces",
): string {
  if (!to || !to.startsWith("/")) return fallback;
  // Control characters and backslashes have no place in a path we produce ourselves.
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(to, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== PROBE_ORIGIN) return fallback;
  const path = resolved.pathname + resolved.search + resolved.hash;
  return path.startsWith("//") ? fallback : path;
}
