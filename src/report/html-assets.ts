/** Inline stylesheet of the HTML report: no web fonts, readable on screen and on paper. */
export const REPORT_CSS = `
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #d0d4da; --paper: #fff; --accent: #0b57d0;
  --verbatim: #bfe8c3; --edited: #cfe0fb; --spun: #fbe7a1; --reworded: #efd2f6; --dropped: #fbd0d0; --added: #c7eef3; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1280px; padding: 1.5rem; color: var(--ink); background: var(--paper);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 .5rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 2rem 0 .25rem; }
h4 { font-size: .95rem; margin: 0; }
.muted, .meta { color: var(--muted); }
.meta { font-size: .85rem; margin: 0 0 .4rem; }
code, .input { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; }
table.documents { border-collapse: collapse; font-size: .9rem; margin: .75rem 0; }
table.documents th, table.documents td { border-bottom: 1px solid var(--line); padding: .2rem .6rem; text-align: left; vertical-align: top; }
figure { margin: 1rem 0; overflow-x: auto; }
svg.tree { max-width: 100%; height: auto; font-size: 12px; }
svg.tree rect { fill: #f6f8fb; stroke: #8a94a6; stroke-width: 1.2; }
svg.tree .root rect { fill: #fff4d6; stroke: #b7791f; stroke-width: 2.5; }
svg.tree .node-title { font-weight: 600; fill: var(--ink); }
svg.tree .node-input { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; fill: var(--muted); }
svg.tree .root-tag { font-size: 11px; font-weight: 700; fill: #8a5a00; text-transform: uppercase; letter-spacing: .04em; }
svg.tree .edge path { fill: none; stroke: #6b7280; stroke-width: 1.5; }
svg.tree marker path { fill: #6b7280; stroke: none; }
svg.tree .edge-label { font-size: 11px; fill: var(--ink); paint-order: stroke; stroke: var(--paper); stroke-width: 4px; }
svg.tree a:hover rect, svg.tree a:focus rect { stroke: var(--accent); stroke-width: 2.5; }
.summary { margin: .25rem 0; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; list-style: none; padding: 0; margin: .5rem 0; font-size: .85rem; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin: .75rem 0; }
.doc { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .75rem; min-width: 0; }
.doc .text { position: relative; max-height: 70vh; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere;
  font-family: Georgia, "Times New Roman", serif; font-size: 1rem; line-height: 1.6; padding-right: .25rem; }
mark { color: inherit; border-radius: 2px; padding: 0 1px; }
mark::before, .swatch::before { font: 700 .62em/1 system-ui, sans-serif; vertical-align: super; margin-right: 1px; color: #333; }
.k-verbatim, .fig-verbatim { background: var(--verbatim); } .k-edited, .fig-edited { background: var(--edited); }
.k-spun, .fig-spun { background: var(--spun); } .k-reworded, .fig-reworded { background: var(--reworded); }
.k-dropped, .fig-dropped { background: var(--dropped); } .k-added, .fig-added { background: var(--added); }
.fig { padding: 0 .25rem; border-radius: 3px; }
/* Colour is never the only cue: each kind also has its own underline and a letter badge. */
.k-verbatim::before { content: "V"; }
.k-edited { text-decoration: underline dotted #3b6fc4; } .k-edited::before { content: "E"; }
.k-spun { text-decoration: underline wavy #a07800; } .k-spun::before { content: "S"; }
.k-reworded { text-decoration: underline dashed #8e3fa0; } .k-reworded::before { content: "R"; }
.k-dropped { text-decoration: line-through #b42318; } .k-dropped::before { content: "\\2212"; }
.k-added { text-decoration: underline double #0f7c8a; } .k-added::before { content: "+"; }
.swatch { display: inline-block; padding: 0 .35rem; border-radius: 3px; }
mark.peer { outline: 2px solid var(--ink); }
.cite { border-bottom: 2px solid rgba(0, 0, 0, .35); }
.anchor.point::after { content: "\\2038"; color: #b42318; font-weight: 700; }
.flash { animation: flash 1.8s ease-out; }
@keyframes flash { 0%, 40% { background: #ffd84d; box-shadow: 0 0 0 3px #ffd84d; } 100% { box-shadow: 0 0 0 3px transparent; } }
.removed { margin-top: .6rem; border: 1px dashed var(--line); border-radius: 4px; padding: .3rem .6rem; font-size: .8rem; }
.removed summary { cursor: pointer; font-weight: 600; }
.removed ul { margin: 0; padding-left: 1.1rem; }
.removed .kind { font-weight: 600; }
ol.changes { padding-left: 1.5rem; }
ol.changes li { margin: .3rem 0; }
.change-type { display: inline-block; min-width: 9.5rem; font-weight: 600; }
.t-removed .change-type { color: #b42318; } .t-added .change-type { color: #0f7c8a; } .t-altered .change-type { color: #8a5a00; }
a.cite-link { color: var(--accent); }
.note { color: var(--muted); font-size: .85rem; }
details.signals { font-size: .9rem; margin: .25rem 0; }
.vote-for { color: #137333; } .vote-against { color: #b42318; }
@media (max-width: 760px) { .columns { grid-template-columns: 1fr; } }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .doc .text { max-height: none; overflow: visible; }
  section.edge { break-before: page; }
  mark.peer { outline: none; }
}
`;

/**
 * Inline page script: a click on a change flashes its citations in both columns (scrolling
 * each column to its citation); hovering a passage outlines its counterpart. Links keep their
 * #anchors, so without JavaScript a click still jumps to the source citation.
 */
export const REPORT_JS = `
(function () {
  'use strict';
  function flash(element) {
    element.classList.remove('flash');
    void element.offsetWidth;
    element.classList.add('flash');
  }
  function centreInBox(element) {
    var box = element.closest('.text');
    if (box) box.scrollTop = Math.max(0, element.offsetTop - box.clientHeight / 2);
  }
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[data-change]') : null;
    if (!link) return;
    var id = link.getAttribute('data-change');
    var targets = Array.prototype.slice.call(document.querySelectorAll('[data-c~="' + id + '"]'));
    if (targets.length === 0) return;
    event.preventDefault();
    var boxes = [];
    targets.forEach(function (target) {
      var folded = target.closest('details');
      if (folded) folded.open = true;
      flash(target);
      var box = target.closest('.text');
      if (box && boxes.indexOf(box) < 0) { boxes.push(box); centreInBox(target); }
    });
    var section = link.closest('section.edge');
    var columns = section ? section.querySelector('.columns') : null;
    (columns || targets[0]).scrollIntoView({ block: 'start', behavior: 'smooth' });
  });
  function peers(event, on) {
    var mark = event.target instanceof Element ? event.target.closest('mark[data-peer]') : null;
    if (!mark) return;
    var peer = document.getElementById(mark.getAttribute('data-peer'));
    mark.classList.toggle('peer', on);
    if (peer) peer.classList.toggle('peer', on);
  }
  document.addEventListener('mouseover', function (event) { peers(event, true); });
  document.addEventListener('mouseout', function (event) { peers(event, false); });
})();
`;
