import { base64Url, codeChallengeS256, createCodeVerifier, randomToken } from './pkce';

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    await expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('encodes the appendix B octets as its verifier', () => {
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240,
      91, 88, 5, 88, 83, 132, 141, 121,
    ];
    expect(base64Url(new Uint8Array(octets))).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
  });

  it('makes a fresh 43-character verifier of unreserved characters each time', () => {
    const first = createCodeVerifier();
    const second = createCodeVerifier();
    expect(first).toMatch(/^[A-Za-z0-9\-_]{43}$/);
    expect(second).not.toBe(first);
  });

  it('refuses a verifier outside the alphabet or length RFC 7636 allows', async () => {
    await expect(codeChallengeS256('short')).rejects.toThrow(/43 to 128/);
    await expect(codeChallengeS256('a'.repeat(42) + '+')).rejects.toThrow(/43 to 128/);
  });

  it('gives state and nonce values with 256 random bits', () => {
    expect(randomToken()).toHaveLength(43);
    expect(randomToken(16)).toHaveLength(22);
  });
});
