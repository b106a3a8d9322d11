import { REPORT_COLOURS, REPORT_FONTS } from './report-charts'

const C = REPORT_COLOURS

/**
 * The report's style sheet: A4 pages with their margins, a cover and one page per section; light
 * colours that print as they show (backgrounds included); system fonts only, CJK ones named so
 * that Chinese reports print in a proper face. On screen each page is a sheet on a grey desk.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #e9ecf1; color: ${C.text}; font: 9.5pt/1.5 ${REPORT_FONTS}; }
@page { size: A4; margin: 15mm 14mm 16mm; }
@page { @bottom-left { font: 7.5pt ${REPORT_FONTS}; color: ${C.muted}; } @bottom-right { font: 7.5pt ${REPORT_FONTS}; color: ${C.muted}; } }
@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
.page { width: 210mm; min-height: 297mm; margin: 10mm auto; padding: 15mm 14mm 16mm; background: #fff;
  box-shadow: 0 1px 3px rgba(15, 23, 42, 0.12), 0 10px 30px rgba(15, 23, 42, 0.08); break-before: page; }
.cover { break-before: auto; }
@media print {
  body { background: #fff; }
  .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
a { color: inherit; text-decoration: none; }
h1, h2, h3 { color: #111827; font-weight: 650; line-height: 1.25; margin: 0; }
h3 { font-size: 10.5pt; margin: 14px 0 6px; }
p { margin: 0 0 8px; }
.muted { color: ${C.muted}; }
.small { font-size: 8pt; }
.strong { font-weight: 650; }
.note { font-size: 8pt; color: ${C.muted}; margin-top: 6px; }
.lead { font-size: 9.5pt; color: #374151; margin: 10px 0 12px; max-width: 172mm; }
.empty { margin: 14px 0; padding: 12px 14px; border: 1px dashed #cbd5e1; border-radius: 6px; background: #f8fafc; color: #475569; }

/* The cover */
.cover::before { content: ""; display: block; width: 56px; height: 5px; background: ${C.current}; border-radius: 3px; margin: 8mm 0 14mm; }
.kicker { font-size: 8.5pt; font-weight: 600; letter-spacing: 0.12em; text-transform: uppercase; color: ${C.current}; margin-bottom: 6mm; }
.cover h1 { font-size: 30pt; font-weight: 700; letter-spacing: -0.01em; }
.quarter { font-size: 40pt; font-weight: 300; color: ${C.current}; line-height: 1.1; margin: 2mm 0 3mm; }
.period { font-size: 10.5pt; color: #374151; margin-bottom: 10mm; }
.meta { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 4mm 8mm; margin: 0 0 10mm; padding: 5mm 0; border-top: 1px solid ${C.grid}; border-bottom: 1px solid ${C.grid}; }
.meta dt { font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.08em; color: ${C.muted}; }
.meta dd { margin: 0; font-size: 10pt; overflow-wrap: anywhere; }
.glance-title, .contents-title { font-size: 11pt; margin: 0 0 4mm; }
.tiles { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 4mm; margin-bottom: 12mm; }
.tile { border: 1px solid ${C.grid}; border-radius: 6px; padding: 3.5mm 4mm; background: #fbfcfe; break-inside: avoid; }
.tile:last-child { grid-column: span 2; }
.tile-label { font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.08em; color: ${C.muted}; }
.tile-value { font-size: 20pt; font-weight: 600; line-height: 1.3; font-variant-numeric: tabular-nums; }
.tile-text { font-size: 12pt; font-weight: 600; line-height: 1.35; }
.tile-note { font-size: 8pt; color: ${C.muted}; }
.contents { list-style: none; padding: 0; margin: 0; }
.contents li { padding: 2.2mm 0; border-bottom: 1px solid ${C.grid}; font-size: 10.5pt; }
.contents .num, .section-head .num { display: inline-block; min-width: 9mm; color: ${C.current}; font-weight: 600; font-variant-numeric: tabular-nums; }

/* Sections */
.section-head { display: flex; align-items: baseline; gap: 2mm; padding-bottom: 3mm; border-bottom: 2px solid #111827; }
.section-head h2 { font-size: 17pt; flex: 1; }
.badge { font-size: 8.5pt; font-weight: 600; color: ${C.current}; background: #eff6ff; border-radius: 10px; padding: 1px 8px; }
figure { margin: 10px 0 12px; break-inside: avoid; }
figcaption { font-size: 8.5pt; font-weight: 600; color: #374151; margin-bottom: 2px; }
svg { display: block; max-width: 100%; height: auto; }
.columns { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8mm; }
.movers ul { margin: 0; padding-left: 4mm; }
.movers li { margin: 1mm 0; font-size: 8.5pt; }

/* Tables */
table.data { width: 100%; border-collapse: collapse; margin: 6px 0 4px; font-size: 8.5pt; }
table.data th, table.data td { padding: 4px 5px; border-bottom: 1px solid #edf0f4; text-align: left; vertical-align: top; }
table.data thead th { font-size: 7.5pt; font-weight: 600; color: ${C.muted}; border-bottom: 1px solid #cbd5e1; white-space: nowrap; }
table.data tbody th { font-weight: 500; }
table.data tr { break-inside: avoid; }
table.data .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data .label { overflow-wrap: anywhere; }
table.data tr.current th, table.data tr.current td { background: #f1f6ff; }
table.data tr.overridden th { box-shadow: inset 3px 0 0 ${C.impact}; }
.rank { font-weight: 600; color: #374151; }
.priorities { font-size: 8pt; }
.change.up, .change.down-good { color: ${C.positive}; }
.change.down, .change.up-bad { color: ${C.negative}; }
.verdict { font-size: 7pt; color: ${C.muted}; }
.flag { display: inline-block; font-size: 7pt; line-height: 1.4; color: #92400e; background: #fef3c7; border-radius: 3px; padding: 0 4px; white-space: nowrap; }
.tag { display: inline-block; font-size: 7pt; line-height: 1.4; border-radius: 3px; padding: 0 4px; white-space: nowrap; }
.tag.new { color: #1e40af; background: #dbeafe; }
.decision { display: inline-block; font-size: 7.5pt; font-weight: 600; border: 1px solid; border-radius: 10px; padding: 0 6px; white-space: nowrap; }
`
