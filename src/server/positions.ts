// Offsets in a text <-> LSP positions (UTF-16 code units, which are JavaScript string indexes),
// and file URIs <-> paths.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Position, Range, Location } from 'vscode-languageserver';
import type { Span } from './syntax';

// Line tables of the last texts seen (a string's hash is cached by V8, so lookups are cheap).
const cache = new Map<string, number[]>();

function lineStarts(text: string): number[] {
  let starts = cache.get(text);
  if (!starts) {
    starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    if (cache.size > 32) cache.clear();
    cache.set(text, starts);
  }
  return starts;
}

export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

export function offsetAt(text: string, p: Position): number {
  const starts = lineStarts(text);
  if (p.line >= starts.length) return text.length;
  return Math.min(starts[p.line] + p.character, p.line + 1 < starts.length ? starts[p.line + 1] - 1 : text.length);
}

export function rangeOf(text: string, s: Span): Range {
  return { start: positionAt(text, s.start), end: positionAt(text, s.end) };
}

export function toPath(uri: string): string | undefined {
  try { return uri.startsWith('file:') ? fileURLToPath(uri) : undefined; } catch { return undefined; }
}

export function toUri(path: string): string {
  return pathToFileURL(path).href;
}

export function location(text: string, path: string, s: Span): Location {
  return { uri: toUri(path), range: rangeOf(text, s) };
}
