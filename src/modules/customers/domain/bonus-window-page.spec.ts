import { escapeHtml, renderBonusWindow } from './bonus-window-page';

describe('bonus window page', () => {
  it('escapes everything that came from outside', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    const html = renderBonusWindow({
      login: '<b>ivan</b>', status: 'active', balance: '200.00',
      messages: [{ text: '<img src=x onerror=alert(1)>', showTill: null }],
      operations: [{ operationType: 'accrual', points: '200.00', createdAt: '2025-03-01T09:00:00.000Z', expiresAt: null }],
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>ivan');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<div class="balance">200.00</div>');
    expect(html).toContain('<td>2025-03-01</td><td>Accrual</td><td class="points">200.00</td>');
  });

  it('says when there are no operations and when the account is blocked', () => {
    const html = renderBonusWindow({ login: null, status: 'blocked', balance: '0.00', messages: [], operations: [] });
    expect(html).toContain('No operations yet.');
    expect(html).toContain('This bonus account is blocked.');
  });
});
