import { webcrypto } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import type { SigningIdentity } from './signing-identity';
import { asn1js, commonNameOf, parseCertificate, pkijs } from './x509';

const CONTENT_TYPE = '1.2.840.113549.1.9.3';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';

export interface PdfSigningOptions {
  signingTime: Date;
  /** Why it is signed, shown by PDF readers in the signature's details. */
  reason?: string;
}

/**
 * Signs a PDF (adbe.pkcs7.detached, an invisible signature field on the first page): the whole file but
 * the signature itself is covered, so any later change of a byte breaks it. The placeholder is added
 * with pdf-lib (@signpdf's), the byte ranges filled in by @signpdf, the CMS built by pkijs.
 */
export async function signPdf(bytes: Uint8Array, identity: SigningIdentity, options: PdfSigningOptions): Promise<Uint8Array> {
  // updateMetadata off: loading must not stamp pdf-lib as producer and now as the modification date.
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const signer = parseCertificate(identity.certificates[0]);
  pdflibAddPlaceholder({
    pdfDoc: pdf,
    reason: pdfText(options.reason ?? 'Casefile dossier: any change after signing breaks this signature'),
    contactInfo: '',
    name: pdfText(commonNameOf(signer) ?? ''),
    location: '',
    signingTime: options.signingTime,
    signatureLength: placeholderLength(identity),
    appName: 'Casefile',
  });
  const prepared = await pdf.save();
  return new Uint8Array(await new SignPdf().sign(Buffer.from(prepared), new CmsSigner(identity, options.signingTime)));
}

/**
 * Room for the certificates, the signature and the signed attributes. @signpdf pads the signature's hex
 * to this many digits two at a time, so an odd length would leave the file a byte short of its ranges.
 */
function placeholderLength(identity: SigningIdentity): number {
  const certificates = identity.certificates.reduce((sum, der) => sum + der.byteLength, 0);
  return Math.ceil((2 * certificates + 4096) / 1024) * 1024;
}

/** A detached CMS SignedData over the bytes @signpdf hands it, with content type, time and digest signed. */
class CmsSigner extends Signer {
  constructor(
    private readonly identity: SigningIdentity,
    private readonly signingTime: Date,
  ) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const certificates = this.identity.certificates.map(parseCertificate);
    const digest = await webcrypto.subtle.digest('SHA-256', content);
    const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        new pkijs.Attribute({ type: CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: pkijs.ContentInfo.DATA })] }),
        new pkijs.Attribute({ type: SIGNING_TIME, values: [new asn1js.UTCTime({ valueDate: this.signingTime })] }),
        new pkijs.Attribute({ type: MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: digest })] }),
      ],
    });
    const signedData = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: pkijs.ContentInfo.DATA }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: certificates[0].issuer, serialNumber: certificates[0].serialNumber }),
          signedAttrs,
        }),
      ],
      certificates,
    });
    await signedData.sign(this.identity.privateKey, 0, 'SHA-256');
    const contentInfo = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) });
    return Buffer.from(contentInfo.toSchema().toBER(false));
  }
}

/**
 * A text for @signpdf's placeholder, which writes it between parentheses as it is: printable ASCII
 * escaped, anything else as UTF-16BE with a byte-order mark (PDF's text string), byte by byte in octal.
 */
function pdfText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text.replace(/[()\\]/g, '\\$&');
  const utf16 = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
  return [...utf16].map((byte) => `\\${byte.toString(8).padStart(3, '0')}`).join('');
}
