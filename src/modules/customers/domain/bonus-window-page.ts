import type { BonusWindowDto } from '../dto/bonus-window.dto';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const OPERATION_NAMES: Record<string, string> = {
  accrual: 'Accrual', spend: 'Spend', expiry: 'Expiry', reversal: 'Reversal', adjustment: 'Adjustment',
};

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}.balance{font-size:2.2rem;font-weight:600;margin:.5rem 0 1.5rem}
.message{background:#eef5ff;border-left:4px solid #3b7ddd;padding:.6rem .8rem;margin:.5rem 0}
table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:.35rem .25rem;border-bottom:1px solid #ddd}
td.points{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#777}`;

const page = (title: string, body: string) =>
  `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>\n`;

/** The bonus window as a small HTML page; every value from the database is escaped. */
export function renderBonusWindow(view: BonusWindowDto): string {
  const messages = view.messages.map((m) => `<p class="message">${escapeHtml(m.text)}</p>`).join('');
  const rows = view.operations
    .map((o) => `<tr><td>${escapeHtml(o.createdAt.slice(0, 10))}</td><td>${escapeHtml(OPERATION_NAMES[o.operationType] ?? o.operationType)}</td>` +
      `<td class="points">${escapeHtml(o.points)}</td></tr>`)
    .join('');
  const operations = rows
    ? `<table><thead><tr><th>Date</th><th>Operation</th><th class="points">Points</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p class="muted">No operations yet.</p>';
  return page('Your bonus points', `<h1>Bonus points${view.login ? ` of ${escapeHtml(view.login)}` : ''}</h1>` +
    `${view.status === 'blocked' ? '<p class="muted">This bonus account is blocked.</p>' : ''}` +
    `<div class="balance">${escapeHtml(view.balance)}</div>${messages}<h2>Latest operations</h2>${operations}`);
}

export function renderWindowNotFound(): string {
  return page('Not found', '<h1>Bonus window not found</h1><p class="muted">The link is not valid.</p>');
}
