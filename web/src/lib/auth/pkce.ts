/**
 * Proof Key for Code Exchange (RFC 7636) with the S256 method, and the random values of an
 * authorization request (state, nonce), all from the browser's WebCrypto.
 */

/** base64url without padding (RFC 4648 §5), as PKCE and JWTs use it. */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** {@code byteCount} cryptographically random bytes, base64url-encoded. */
export function randomToken(byteCount = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** A code verifier: 32 random bytes give 43 characters of the unreserved alphabet RFC 7636 §4.1 asks for. */
export function createCodeVerifier(): string {
  return randomToken(32);
}

/** The S256 code challenge of a verifier: BASE64URL(SHA256(ASCII(code_verifier))). */
export async function codeChallengeS256(verifier: string): Promise<string> {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) {
    throw new Error('A code verifier has 43 to 128 unreserved characters.');
  }
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
