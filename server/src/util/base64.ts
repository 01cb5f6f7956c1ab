/**
 * Base64 with the platform's `btoa`/`atob` (Node and browsers and web workers all have them; the web-worker server
 * and the browser extension host have no `Buffer`): bytes travel as base64 text in JSON-RPC messages (files the client
 * reads, exported workbooks, imported files).
 */
const SLICE = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  // A binary string slice by slice: no argument list grows with the input.
  for (let i = 0; i < bytes.length; i += SLICE) parts.push(String.fromCharCode(...bytes.subarray(i, i + SLICE)));
  return btoa(parts.join(''));
}

/** The bytes of base64 text; throws on text that is not base64. */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
