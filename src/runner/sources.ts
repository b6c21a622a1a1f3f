// Finds the text of the source files that debug_info names: embedded file_contents first,
// then the name as given, then each search root (the program's folder, --cairo_path entries).
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

export class SourceReader {
  private readonly cache = new Map<string, string | undefined>();

  constructor(
    private readonly embedded: Record<string, string> = {},
    private readonly roots: string[] = [],
  ) {}

  read(filename: string): string | undefined {
    if (this.cache.has(filename)) return this.cache.get(filename);
    let text: string | undefined = this.embedded[filename];
    const candidates = isAbsolute(filename) ? [filename] : [filename, ...this.roots.map((r) => join(r, filename))];
    for (const c of candidates) {
      if (text !== undefined) break;
      try {
        text = readFileSync(c, 'utf8');
      } catch {
        /* try the next root */
      }
    }
    this.cache.set(filename, text);
    return text;
  }
}
