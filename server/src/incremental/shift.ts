/**
 * Moving a section's analysis to a new place in the text: every span it holds is shifted in place by the same amount.
 * The spans are collected once, by walking the section's own objects (its syntax lines, model, relations and
 * findings); frozen spans (shared constants) are never touched. A section's objects only ever point into the section
 * itself, so the walk cannot reach another section's spans.
 */
import type { Span } from '../syntax/ast';

type Mutable = { start: number; end: number };

/** Every span object reachable from `roots` (each once). */
export function collectSpans(roots: unknown[]): Mutable[] {
  const seen = new Set<object>();
  const spans: Mutable[] = [];
  const stack: unknown[] = [...roots];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') stack.push(x);
      continue;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && !Object.isFrozen(o)) spans.push(o as Mutable);
    for (const k in o) {
      const x = o[k];
      if (x !== null && typeof x === 'object') stack.push(x);
    }
  }
  return spans;
}

export function shiftSpans(spans: readonly Span[], delta: number): void {
  if (!delta) return;
  for (const s of spans as Mutable[]) {
    s.start += delta;
    s.end += delta;
  }
}

/**
 * Moves spans as an edit moves the text: what starts at or after `at` (where the replaced text ended) moves by
 * `delta`, and so does what ends there or after (a table's span around the edit grows with it).
 */
export function moveSpans(spans: readonly Span[], at: number, delta: number, keepEnds?: readonly Span[]): void {
  if (!delta) return;
  for (const s of spans as Mutable[]) {
    if (s.start >= at) s.start += delta;
    if (s.end >= at) s.end += delta;
  }
  // Spans that end where the text goes in and stay before it (a blank line's, which holds its line break).
  if (keepEnds) for (const s of keepEnds as Mutable[]) s.end -= delta;
}
