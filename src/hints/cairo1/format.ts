// How cairo-lang-runner shows felts: DebugPrint's text (format_for_debug, what println! writes)
// and a panic's data (format_for_panic: `Panicked with 0x626f6f6d ('boom').`). A ByteArray is
// recognised by its magic first felt and printed as text.
import { Felt, big } from '../../vm/felt';

const BYTE_ARRAY_MAGIC = 0x46a6158a16a947e5916b2a2ca68501a45e93d7110e81aa2d6438b1c57c879a3n;
const BYTES_IN_WORD = 31;

interface Item {
  text: string;
  isString: boolean;
}

function bytesBe(v: bigint): number[] {
  const bytes: number[] = [];
  for (let x = v; x > 0n; x >>= 8n) bytes.unshift(Number(x & 0xffn));
  return bytes.length ? bytes : [0]; // BigUint::to_bytes_be of 0 is [0]
}

/** Rust's is_ascii_graphic || is_ascii_whitespace. */
function printable(b: number): boolean {
  return (b >= 0x21 && b <= 0x7e) || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d;
}

/** as_cairo_short_string_ex: `length` bytes of text, nulls and odd bytes escaped. */
function shortString(v: bigint, length: number): string | undefined {
  if (length === 0) return v === 0n ? '' : undefined;
  if (length > BYTES_IN_WORD) return undefined;
  const bytes = bytesBe(v);
  if (bytes.length > length) return undefined;
  let s = '\\0'.repeat(length - bytes.length);
  for (const b of bytes) {
    if (b === 0) s += '\\0';
    else if (printable(b)) s += String.fromCharCode(b);
    else s += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return s;
}

/** as_cairo_short_string: the felt as text if its bytes are printable (zeros only at the end). */
function asShortString(v: bigint): string | undefined {
  let s = '';
  let end = false;
  for (const b of bytesBe(v)) {
    if (b === 0) end = true;
    else if (end || !printable(b)) return undefined;
    else s += String.fromCharCode(b);
  }
  return s;
}

function formatShort(v: Felt): string {
  const b = big(v);
  const hex = `0x${b.toString(16)}`;
  const s = asShortString(b);
  return s === undefined ? hex : `${hex} ('${s}')`;
}

/** try_format_string: a serialized ByteArray after its magic felt, consuming it on success. */
function tryString(felts: readonly Felt[], at: number): [string, number] | undefined {
  let i = at;
  if (i >= felts.length) return undefined;
  const n = big(felts[i++]);
  if (n > BigInt(felts.length)) return undefined;
  let text = '';
  for (let k = 0; k < Number(n); k++) {
    if (i >= felts.length) return undefined;
    const w = shortString(big(felts[i++]), BYTES_IN_WORD);
    if (w === undefined) return undefined;
    text += w;
  }
  if (i + 1 >= felts.length) return undefined;
  const pending = big(felts[i++]);
  const pendingLen = big(felts[i++]);
  if (pendingLen > BigInt(BYTES_IN_WORD)) return undefined;
  const p = shortString(pending, Number(pendingLen));
  if (p === undefined) return undefined;
  return [text + p, i];
}

function items(felts: readonly Felt[]): Item[] {
  const out: Item[] = [];
  let i = 0;
  while (i < felts.length) {
    const first = felts[i++];
    if (big(first) === BYTE_ARRAY_MAGIC) {
      const s = tryString(felts, i);
      if (s !== undefined) {
        out.push({ text: s[0], isString: true });
        i = s[1];
        continue;
      }
    }
    out.push({ text: formatShort(first), isString: false });
  }
  return out;
}

/** format_for_debug: what DebugPrint prints. */
export function formatForDebug(felts: readonly Felt[]): string {
  const list = items(felts);
  if (list.length === 1 && list[0].isString) return list[0].text;
  return list.map((it) => (it.isString ? `${it.text}\n` : `[DEBUG]\t${it.text}\n`)).join('');
}

/** format_for_panic: the first line cairo-execute prints for a panic. */
export function formatForPanic(felts: readonly Felt[]): string {
  const list = items(felts).map((it) => (it.isString ? `"${it.text}"` : it.text));
  return `Panicked with ${list.length === 1 ? list[0] : `(${list.join(', ')})`}.`;
}
