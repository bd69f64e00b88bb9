import { asn1js, certificateDer, fingerprintOf, pkijs, subjectOf } from './x509';

/** What a PDF's signature says: valid, broken (or not covering the whole file), or none at all. */
export interface PdfSignature {
  state: 'valid' | 'broken' | 'unsigned';
  /** The signer's certificate subject, e.g. "CN=Айгерим Сапарова"; null when unsigned or unreadable. */
  subject: string | null;
  /** SHA-256 of the signer's certificate, colon-separated hex; null when unsigned or unreadable. */
  fingerprint: string | null;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
/** Marks of a signature dictionary, for one whose /ByteRange was damaged past reading. */
const SIGNATURE_MARKS = /\/Type\s*\/Sig\b|\/FT\s*\/Sig\b|\/SubFilter\s*\/(?:adbe\.pkcs7|ETSI\.CAdES)/;

/**
 * Reads a PDF's signature from its bytes. Valid only when one signature's byte range is the whole file
 * but its Contents (the hole holding the signature), its CMS signature verifies over those bytes, and
 * its signed message digest is theirs. A signature covering less (bytes appended after signing) or one
 * that does not verify is broken.
 */
export async function readPdfSignature(bytes: Uint8Array): Promise<PdfSignature> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const ranges = [...text.matchAll(BYTE_RANGE)].map((m) => m.slice(1, 5).map(Number) as [number, number, number, number]);
  if (ranges.length === 0) return SIGNATURE_MARKS.test(text) ? broken() : { state: 'unsigned', subject: null, fingerprint: null };
  const checked = await Promise.all(ranges.map((range) => checkSignature(bytes, range)));
  return checked.find((s) => s.state === 'valid') ?? checked.at(-1) ?? broken();
}

async function checkSignature(bytes: Uint8Array, [start, holeStart, holeEnd, tailLength]: [number, number, number, number]): Promise<PdfSignature> {
  const coversAll = start === 0 && holeStart < holeEnd && holeEnd + tailLength === bytes.byteLength;
  if (!coversAll || bytes[holeStart] !== 0x3c /* < */ || bytes[holeEnd - 1] !== 0x3e /* > */) return broken();
  const hex = Buffer.from(bytes.subarray(holeStart + 1, holeEnd - 1)).toString('latin1');
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) return broken();
  // The hole is padded with zeros after the DER; asn1js reads the one value and stops.
  const parsed = asn1js.fromBER(Buffer.from(hex, 'hex'));
  if (parsed.offset === -1) return broken();
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== pkijs.ContentInfo.SIGNED_DATA) return broken();
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return broken();
  }
  const signed = new Uint8Array(holeStart + tailLength);
  signed.set(bytes.subarray(0, holeStart), 0);
  signed.set(bytes.subarray(holeEnd), holeStart);
  try {
    const result = await signedData.verify({ signer: 0, data: signed.buffer, checkChain: false, extendedMode: true });
    return { ...describe(result.signerCertificate), state: result.signatureVerified === true ? 'valid' : 'broken' };
  } catch (error) {
    // pkijs throws for a digest that does not match, naming the signer's certificate when it found one.
    return { ...describe(error instanceof pkijs.SignedDataVerifyError ? error.signerCertificate : null), state: 'broken' };
  }
}

function describe(certificate: pkijs.Certificate | null | undefined): Omit<PdfSignature, 'state'> {
  if (!certificate) return { subject: null, fingerprint: null };
  return { subject: subjectOf(certificate), fingerprint: fingerprintOf(certificateDer(certificate)) };
}

function broken(): PdfSignature {
  return { state: 'broken', subject: null, fingerprint: null };
}
