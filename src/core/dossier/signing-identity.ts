import { createPrivateKey, createPublicKey, KeyObject, webcrypto, X509Certificate } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { commonNameOf, parseCertificate, selfSignedCertificate } from './x509';

/** Who signs a dossier: a private key and its certificate, then any certificates of its chain. */
export interface SigningIdentity {
  privateKey: webcrypto.CryptoKey;
  /** DER; the first is the signer's. */
  certificates: Uint8Array[];
}

/** The folder in the data folder that holds the local identity: key.pem (the user's alone) and certificate.pem. */
export const SIGNING_FOLDER = 'signing';
const KEY_FILE = 'key.pem';
const CERTIFICATE_FILE = 'certificate.pem';
const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** The name a certificate carries when the preferences name no author. */
export const UNNAMED_AUTHOR = 'Casefile user';

/**
 * The local signing identity, made on first use: an RSA key written readable by the user alone and a
 * self-signed certificate naming the author. Later calls reuse both; when the author's name changes the
 * same key gets a certificate with the new name. Two processes making it at once agree on one (the
 * folder is made whole elsewhere and renamed into place).
 */
export async function localSigningIdentity(dataDir: string, author: string, now: Date): Promise<SigningIdentity> {
  const folder = path.join(dataDir, SIGNING_FOLDER);
  const name = author.trim() || UNNAMED_AUTHOR;
  let stored = await readIdentity(folder);
  if (!stored) {
    await createIdentity(dataDir, folder, name, now);
    stored = await readIdentity(folder);
    if (!stored) throw new Error(`the signing identity in ${folder} could not be read back`);
  }
  if (commonNameOf(parseCertificate(stored.certificate)) !== name) {
    stored.certificate = await selfSignedCertificate({ privateKey: stored.privateKey, publicKey: await publicKeyOf(stored.privateKey) }, name, now);
    await writeFileAtomic(path.join(folder, CERTIFICATE_FILE), certificatePem(stored.certificate), { mode: 0o644 });
  }
  return { privateKey: stored.privateKey, certificates: [stored.certificate] };
}

async function readIdentity(folder: string): Promise<{ privateKey: webcrypto.CryptoKey; certificate: Uint8Array } | undefined> {
  const keyFile = path.join(folder, KEY_FILE);
  let keyText: string;
  let certificateText: string;
  try {
    [keyText, certificateText] = await Promise.all([readFile(keyFile, 'utf8'), readFile(path.join(folder, CERTIFICATE_FILE), 'utf8')]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // A key copied in with looser permissions is brought back to the user's alone.
  if (process.platform !== 'win32' && ((await stat(keyFile)).mode & 0o077) !== 0) await chmod(keyFile, 0o600);
  const pkcs8 = createPrivateKey(keyText).export({ type: 'pkcs8', format: 'der' });
  const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, ALGORITHM, true, ['sign']);
  return { privateKey, certificate: new Uint8Array(new X509Certificate(certificateText).raw) };
}

async function createIdentity(dataDir: string, folder: string, name: string, now: Date): Promise<void> {
  const keys = await webcrypto.subtle.generateKey({ ...ALGORITHM, modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['sign', 'verify']);
  const certificate = await selfSignedCertificate(keys, name, now);
  await mkdir(dataDir, { recursive: true });
  const staging = await mkdtemp(path.join(dataDir, `${SIGNING_FOLDER}.new-`)); // mode 0700
  try {
    await writeFile(path.join(staging, KEY_FILE), KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    await writeFile(path.join(staging, CERTIFICATE_FILE), certificatePem(certificate), { mode: 0o644 });
    await rename(staging, folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOTEMPTY' && code !== 'EPERM') throw error; // else another process made it first
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The public half of a private key. */
function publicKeyOf(privateKey: webcrypto.CryptoKey): Promise<webcrypto.CryptoKey> {
  const spki = createPublicKey(KeyObject.from(privateKey)).export({ type: 'spki', format: 'der' });
  return webcrypto.subtle.importKey('spki', spki, ALGORITHM, true, ['verify']);
}

function certificatePem(der: Uint8Array): string {
  return new X509Certificate(der).toString();
}
