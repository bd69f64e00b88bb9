import { webcrypto, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

// pkijs does its cryptography through this engine: Node's own WebCrypto, nothing bundled.
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: globalThis.crypto }));

export { asn1js, pkijs };

const COMMON_NAME = '2.5.4.3';

/** Short names of the attributes a certificate's subject usually holds (RFC 4514). */
const ATTRIBUTE_NAMES: Record<string, string> = {
  [COMMON_NAME]: 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

/** A certificate as read from DER; throws for bytes that are not one. */
export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(new Uint8Array(der));
}

/** The DER as read or as signed (pkijs keeps those bytes), so a fingerprint is of the certificate as issued. */
export function certificateDer(certificate: pkijs.Certificate): Uint8Array {
  return new Uint8Array(certificate.toSchema(false).toBER(false));
}

/** The subject in the certificate's own order, e.g. "CN=Айгерим Сапарова, O=Example". */
export function subjectOf(certificate: pkijs.Certificate): string {
  return certificate.subject.typesAndValues
    .map((attribute) => `${ATTRIBUTE_NAMES[attribute.type] ?? attribute.type}=${String(attribute.value.valueBlock.value)}`)
    .join(', ');
}

/** The subject's common name, if it has one. */
export function commonNameOf(certificate: pkijs.Certificate): string | undefined {
  const attribute = certificate.subject.typesAndValues.find((a) => a.type === COMMON_NAME);
  return attribute ? String(attribute.value.valueBlock.value) : undefined;
}

/** SHA-256 of the certificate's DER as colon-separated hex, the form `openssl x509 -fingerprint -sha256` prints. */
export function fingerprintOf(der: Uint8Array): string {
  return new X509Certificate(der).fingerprint256;
}

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

/**
 * A certificate serial number from random bytes, as DER wants a positive INTEGER: the first byte has
 * its top bit clear (else it reads as negative) and is not zero (a leading zero byte before one
 * under 0x80 is padding DER forbids, and OpenSSL then refuses the whole certificate: 1 in 256
 * identities failed so). 126 random bits stay.
 */
export function serialNumberBytes(random: Uint8Array): Uint8Array {
  const serial = Uint8Array.from(random);
  serial[0] = (serial[0] & 0x3f) | 0x40;
  return serial;
}

/**
 * A self-signed certificate naming `commonName` (as a UTF8String, so any script signs cleanly) for a
 * key pair that signs documents: not a CA, key usage digital signature and non-repudiation.
 */
export async function selfSignedCertificate(
  keys: webcrypto.CryptoKeyPair,
  commonName: string,
  now: Date,
  random: Uint8Array = webcrypto.getRandomValues(new Uint8Array(16)),
): Promise<Uint8Array> {
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ valueHex: serialNumberBytes(random) });
  const name = () => new pkijs.AttributeTypeAndValue({ type: COMMON_NAME, value: new asn1js.Utf8String({ value: commonName }) });
  certificate.subject.typesAndValues.push(name());
  certificate.issuer.typesAndValues.push(name());
  certificate.notBefore.value = new Date(now.getTime() - 60_000); // a clock slightly behind still accepts it
  certificate.notAfter.value = new Date(now.getTime() + 20 * YEAR_MS);
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0b1100_0000]), unusedBits: 6 }); // digitalSignature, nonRepudiation
  certificate.extensions = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false) }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: keyUsage.toBER(false) }),
  ];
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey);
  await certificate.sign(keys.privateKey, 'SHA-256');
  return certificateDer(certificate);
}
