import type { Finding } from '../types.ts';
import { moreLikeIt, sourcePlace } from './pretty.ts';
import { type AuditReport, counts, plural } from './report.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Everything from findings is page content or user text: escape all of it, in text and in attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

const STYLE = `
:root{color-scheme:light dark;--error:#c62828;--warning:#9a6700;--info:#0969da;--muted:#6e7781}
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .25rem}.summary{color:var(--muted);margin:0 0 1.5rem}
details{border:1px solid #8884;border-radius:8px;margin:0 0 .75rem;padding:.5rem 1rem}
summary{cursor:pointer;font-weight:600}summary small{color:var(--muted);font-weight:400;margin-left:.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border-top:1px solid #8883;padding:.4rem;text-align:left;vertical-align:top}
.sev{font-weight:700;text-transform:uppercase;font-size:.75rem}.error{color:var(--error)}.warning{color:var(--warning)}.info{color:var(--info)}
code,pre{font:13px ui-monospace,monospace}pre{white-space:pre-wrap;word-break:break-all;margin:.25rem 0 0;color:var(--muted)}
.filters label{margin-right:1rem}.also{color:var(--muted);font-size:.875rem}`;

function row(finding: Finding): string {
  const where = finding.line ? `${finding.line}:${finding.column}` : '';
  return (
    `<tr class="f-${finding.severity}"><td class="sev ${finding.severity}">${finding.severity}</td>` +
    `<td>${escapeHtml(finding.message)}${finding.excerpt ? `<pre>${escapeHtml(finding.excerpt)}</pre>` : ''}` +
    `${finding.selector ? `<div><code>${escapeHtml(finding.selector)}</code></div>` : ''}` +
    `${finding.source ? `<div>Written in <code>${escapeHtml(sourcePlace(finding.source))}</code></div>` : ''}` +
    `${finding.alsoAt?.length ? `<div class="also">${escapeHtml(moreLikeIt(finding.alsoAt))}</div>` : ''}</td>` +
    `<td><code>${escapeHtml(where)}</code></td>` +
    `<td><a href="${escapeHtml(safeUrl(finding.helpUrl))}">${escapeHtml(finding.ruleId)}</a></td></tr>`
  );
}

/**
 * One self-contained HTML file (no external requests, no script needed to read it) a reviewer can open or attach
 * to a CI run: findings grouped by page, with severity filters done in CSS.
 */
export function htmlReport(report: AuditReport): string {
  const { error, warning, info } = counts(report.findings);
  const byRoute = [...Map.groupBy(report.findings, (finding) => finding.route)].sort(([a], [b]) => a.localeCompare(b));
  const known = report.baselined ? `, ${report.baselined} known from the baseline` : '';
  const pages = byRoute.map(([route, findings]) => {
    const first = findings[0]!;
    // Line numbers in the table are the built file's: it is named first, the page's source only as its origin.
    const source = first.sourceHint ? `${first.file} (built from ${first.sourceHint})` : first.file;
    return (
      `<details open><summary>${escapeHtml(route)}<small>${escapeHtml(source)} · ${plural(findings.length, 'finding')}</small></summary>` +
      `<table><thead><tr><th>Severity</th><th>Finding</th><th>Built line</th><th>Rule</th></tr></thead><tbody>${findings.map(row).join('')}</tbody></table></details>`
    );
  });
  const filter = (severity: string) =>
    `<label><input type="checkbox" id="show-${severity}" checked> ${severity}</label>`;
  const hide = ['error', 'warning', 'info']
    .map((severity) => `body:has(#show-${severity}:not(:checked)) .f-${severity}{display:none}`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>CTA audit report</title><style>${STYLE}${hide}</style></head>
<body><h1>CTA audit report</h1>
<p class="summary">${escapeHtml(report.dir ?? '')} · ${plural(report.pages, 'page')} audited: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info${known}.</p>
<p class="filters">Show: ${filter('error')}${filter('warning')}${filter('info')}</p>
${pages.join('\n') || '<p>No findings. Every page passed.</p>'}
</body></html>
`;
}
