/** Who is asking: the client key used by rate limits (the socket address the server saw). */
export function clientKey(request: Request): string {
  // Set by our own server entry from the socket, never from a client-supplied header.
  return request.headers.get("x-rapport-client-ip") ?? "unknown";
}
