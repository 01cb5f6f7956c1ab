/**
 * The one decoder of files the product reads (`.budget` files, catalogs): bytes to text.
 * For now UTF-8, its byte-order mark dropped (TextDecoder drops it).
 */
const utf8 = new TextDecoder('utf-8');

export function decodeText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
