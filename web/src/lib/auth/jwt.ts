/**
 * Reads the claims of a JWT without checking its signature. The web app only reads ID tokens
 * it received straight from the token endpoint over the same origin's TLS connection, which is
 * the check OpenID Connect Core §3.1.3.7 accepts in place of the signature for this flow.
 */
export function jwtClaims(token: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) {
    throw new Error('Not a JWT.');
  }
  const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new Error('The JWT has no claims object.');
  }
  return claims as Record<string, unknown>;
}
