import { createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import { CasefileError, errorMessage } from '../errors';
import type { SigningIdentity } from './signing-identity';
import { asn1js, certificateDer, pkijs } from './x509';

const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERTIFICATE_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';

/**
 * The signing identity in a PKCS#12 file (.p12/.pfx): its private key, the certificate of that key, and
 * the file's other certificates as the chain. A wrong passphrase, a file that is not PKCS#12, or one
 * without a key and its certificate is an invalid-argument error saying so.
 */
export async function identityFromPkcs12(bytes: Uint8Array, passphrase: string, fileName = 'the PKCS#12 file'): Promise<SigningIdentity> {
  const password = new TextEncoder().encode(passphrase).buffer;
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(new Uint8Array(bytes));
  } catch {
    throw new CasefileError('invalid-argument', `${fileName} is not a PKCS#12 (.p12/.pfx) file`);
  }
  const keys: pkijs.PrivateKeyInfo[] = [];
  const certificates: pkijs.Certificate[] = [];
  try {
    await pfx.parseInternalValues({ password, checkIntegrity: true });
    const safe = pfx.parsedValue?.authenticatedSafe;
    if (!safe) throw new Error('no authenticated safe');
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password })) });
    const contents = (safe.parsedValue as { safeContents: { value: pkijs.SafeContents }[] }).safeContents;
    for (const bag of contents.flatMap((c) => c.value.safeBags)) {
      if (bag.bagId === KEY_BAG) keys.push(bag.bagValue as pkijs.PrivateKeyInfo);
      if (bag.bagId === SHROUDED_KEY_BAG) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        // Declared protected in pkijs's types, yet it is how a shrouded key is decrypted.
        await (shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({ password });
        if (shrouded.parsedValue) keys.push(shrouded.parsedValue);
      }
      if (bag.bagId === CERTIFICATE_BAG) {
        const certBag = bag.bagValue as pkijs.CertBag;
        if (certBag.certId === X509_CERTIFICATE && certBag.parsedValue instanceof pkijs.Certificate) certificates.push(certBag.parsedValue);
      }
    }
  } catch (error) {
    // pkijs says "Integrity for the PKCS#12 data is broken!" or fails to decrypt when the passphrase is wrong.
    throw new CasefileError('invalid-argument', `cannot open ${fileName}: the passphrase is wrong or the file is damaged (${errorMessage(error)})`);
  }
  if (keys.length === 0) throw new CasefileError('invalid-argument', `${fileName} holds no private key`);
  const pkcs8 = new Uint8Array(keys[0].toSchema().toBER(false));
  const publicKey = createPublicKey(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' })).export({ type: 'spki', format: 'der' });
  const signer = certificates.find((c) => Buffer.from(c.subjectPublicKeyInfo.toSchema().toBER(false)).equals(publicKey));
  if (!signer) throw new CasefileError('invalid-argument', `${fileName} holds no certificate for its private key`);
  return {
    privateKey: await webcrypto.subtle.importKey('pkcs8', pkcs8, signingAlgorithmOf(keys[0], fileName), false, ['sign']),
    certificates: [signer, ...certificates.filter((c) => c !== signer)].map(certificateDer),
  };
}

const RSA = '1.2.840.113549.1.1.1';
const EC = '1.2.840.10045.2.1';
const CURVES: Record<string, string> = { '1.2.840.10045.3.1.7': 'P-256', '1.3.132.0.34': 'P-384', '1.3.132.0.35': 'P-521' };

/** How WebCrypto signs with the key: RSA PKCS#1 v1.5 or ECDSA, with SHA-256. */
function signingAlgorithmOf(key: pkijs.PrivateKeyInfo, fileName: string): webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams {
  const algorithm = key.privateKeyAlgorithm;
  if (algorithm.algorithmId === RSA) return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const parameters: unknown = algorithm.algorithmParams;
  const curve = algorithm.algorithmId === EC && parameters instanceof asn1js.ObjectIdentifier ? CURVES[parameters.getValue()] : undefined;
  if (curve) return { name: 'ECDSA', namedCurve: curve };
  throw new CasefileError('invalid-argument', `${fileName} holds a key Casefile cannot sign with (RSA or ECDSA P-256/384/521 are supported)`);
}
