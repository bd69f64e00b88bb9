import { webcrypto, X509Certificate } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate, serialNumberBytes } from '../../../src/core/dossier/x509';

describe('the local signing identity’s certificate serial number', () => {
  it('property: any random bytes make a minimal positive DER INTEGER (first byte neither zero nor over 0x7f)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (random) => {
        const serial = serialNumberBytes(random);
        expect(serial).toHaveLength(16);
        expect(serial[0]).toBeGreaterThan(0);
        expect(serial[0]).toBeLessThan(0x80);
        expect([...serial.subarray(1)]).toEqual([...random.subarray(1)]);
      }),
    );
  });

  it('a certificate whose random serial starts with a zero byte is still read by OpenSSL (1 in 256 failed before)', async () => {
    const keys = await webcrypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
      true,
      ['sign', 'verify'],
    );
    for (const first of [0x00, 0x80]) {
      const random = new Uint8Array(16).fill(0x05);
      random[0] = first;
      const der = await selfSignedCertificate(keys, 'Casefile test', new Date('2026-12-05T00:00:00Z'), random);
      const parsed = new X509Certificate(der);
      expect(parsed.subject).toContain('Casefile test');
      expect(parsed.serialNumber.length).toBe(32);
    }
  });
});
