/**
 * Renders a story text with its reused passages as <mark> elements (one per passage side) and
 * change citations as spans that the page script can flash. Citations may overlap each other
 * and cross passage boundaries, so they are cut into pieces that each carry every change id
 * covering them (`data-c="id1 id2"`); a zero-width anchor with the citation's id marks where it
 * starts, as the target of links.
 */
import type { PassageKind } from '../model/alignment.js';
import type { Span } from '../model/span.js';
import { attributes, escapeHtml } from './html-escape.js';

export interface TextMark {
  span: Span;
  kind: PassageKind;
  id: string;
  /** Id of the counterpart passage in the other column, highlighted together on hover. */
  peer: string | null;
  /** Tooltip, e.g. "spun passage, similarity 0.71". */
  title: string;
}

export interface TextCite {
  span: Span;
  /** Id shared by both citations of a change: the links' `data-change`. */
  changeId: string;
  /** Id of the anchor placed where the citation starts. */
  anchorId: string;
}

function clamp(span: Span, length: number): Span {
  const start = Math.min(Math.max(0, span.start), length);
  return { start, end: Math.min(Math.max(start, span.end), length) };
}

/** Sorts marks by start and trims overlaps, so marks never nest (one element per passage). */
function layoutMarks(marks: readonly TextMark[], length: number): TextMark[] {
  const sorted = marks
    .map((mark, index) => ({ mark: { ...mark, span: clamp(mark.span, length) }, index }))
    .sort((left, right) => left.mark.span.start - right.mark.span.start || left.index - right.index)
    .map((entry) => entry.mark);
  let previousEnd = 0;
  return sorted.map((mark) => {
    const start = Math.max(mark.span.start, previousEnd);
    const end = Math.max(start, mark.span.end);
    previousEnd = end;
    return { ...mark, span: { start, end } };
  });
}

function openMark(mark: TextMark): string {
  return `<mark${attributes({
    id: mark.id,
    class: `k-${mark.kind}`,
    'data-kind': mark.kind,
    'data-peer': mark.peer,
    title: mark.title,
  })}>`;
}

export function renderMarkedText(
  text: string,
  marks: readonly TextMark[],
  cites: readonly TextCite[],
): string {
  const laidOut = layoutMarks(marks, text.length);
  const clamped = cites.map((cite) => ({ ...cite, span: clamp(cite.span, text.length) }));
  const positions = new Set<number>([0, text.length]);
  for (const mark of laidOut) positions.add(mark.span.start).add(mark.span.end);
  for (const cite of clamped) positions.add(cite.span.start).add(cite.span.end);
  const sorted = [...positions].sort((left, right) => left - right);

  const out: string[] = [];
  let open: TextMark | null = null;
  let nextMark = 0;
  for (let index = 0; index < sorted.length; index++) {
    const position = sorted[index]!;
    if (open !== null && open.span.end === position) {
      out.push('</mark>');
      open = null;
    }
    for (const cite of clamped) {
      if (cite.span.start !== position) continue;
      const point = cite.span.end === cite.span.start;
      // A zero-width citation (an insertion point) flashes through its anchor.
      out.push(
        `<span${attributes({ id: cite.anchorId, class: point ? 'anchor point' : 'anchor', 'data-c': point ? cite.changeId : null })}></span>`,
      );
    }
    while (nextMark < laidOut.length && laidOut[nextMark]!.span.start === position) {
      const mark = laidOut[nextMark]!;
      nextMark++;
      if (mark.span.end === position) {
        out.push(`${openMark(mark)}</mark>`);
      } else {
        out.push(openMark(mark));
        open = mark;
      }
    }
    const end = sorted[index + 1];
    if (end === undefined) break;
    const piece = escapeHtml(text.slice(position, end));
    const covering = clamped
      .filter((cite) => cite.span.start <= position && cite.span.end >= end)
      .map((cite) => cite.changeId);
    out.push(
      covering.length === 0
        ? piece
        : `<span class="cite" data-c="${escapeHtml(covering.join(' '))}">${piece}</span>`,
    );
  }
  if (open !== null) out.push('</mark>');
  return out.join('');
}
