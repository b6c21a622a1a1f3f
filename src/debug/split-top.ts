// Splits a list at its top-level commas, those outside brackets: `a, (b, c), d` gives a, (b, c)
// and d. Cairo 0 expressions nest in () and []; Sierra's generic arguments also in <> and {}.
export function splitTopLevel(text: string, open = '([', close = ')]'): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (open.includes(c)) depth++;
    else if (close.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '') out.push(last);
  return out;
}
