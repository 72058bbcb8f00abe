import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, documentLanguage, makeNonce, panelHtml } from '../../../src/editor/panel/panel-html';
import { configureL10n, t } from '../../../src/shared/l10n';
import { PANEL_BUNDLE_ATTRIBUTE, readPanelBundle } from '../../../src/shared/l10n/panel-bundle';

describe('panel HTML', () => {
  const options = {
    cspSource: 'https://res.test',
    nonce: 'abc123',
    scriptUri: 'https://res.test/dist/webview/webview.js',
    styleUri: 'https://res.test/media/panel.css',
    codiconsUri: 'https://res.test/dist/webview/codicons/codicon.css',
    language: 'en',
    bundle: {},
  };
  const html = panelHtml(options);

  it('declares the UI language as the document\'s lang (zh-cn → zh-CN), en for anything unusable', () => {
    expect(html).toMatch(/<html lang="en">/);
    expect(panelHtml({ ...options, language: 'zh-cn' })).toMatch(/<html lang="zh-CN">/);
    expect(documentLanguage('zh-hans')).toBe('zh-Hans');
    expect(documentLanguage('pt-br')).toBe('pt-BR');
    expect(documentLanguage('de')).toBe('de');
    expect(documentLanguage('"><script>')).toBe('en');
  });

  it('loads the bundled codicon stylesheet (its font from the webview\'s own origin) before the panel\'s', () => {
    const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual([options.codiconsUri, options.styleUri]);
    const csp = contentSecurityPolicy('https://res.test', 'abc123');
    expect(csp).toContain('font-src https://res.test');
  });

  it('denies everything by default and runs scripts only with the nonce', () => {
    const csp = contentSecurityPolicy('https://res.test', 'abc123');
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'nonce-abc123'"]);
    expect(directives['style-src']).toEqual(['https://res.test']);
    expect(csp).not.toMatch(/unsafe-(inline|eval)|\*/);
    expect(html).toContain(`content="${csp.replace(/'/g, "'")}"`);
  });

  it('loads exactly one script, carrying the nonce, and no inline code or styles', () => {
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script nonce="abc123" src="https://res.test/dist/webview/webview.js">']);
    expect(html).toMatch(/<script[^>]*><\/script>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son\w+=/);
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const a = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9]{16,}$/);
    expect(makeNonce()).not.toBe(a);
  });

  it('carries the host\'s bundle into the page, where the webview\'s t() reads it, and no text can close the attribute', () => {
    const bundle = { Train: '训练', 'Loss: no epochs trained yet.': '</script><script>alert(1)</script>' };
    const page = panelHtml({ ...options, language: 'zh-cn', bundle });
    const match = new RegExp(`<main id="app"[^>]* ${PANEL_BUNDLE_ATTRIBUTE}="([^"<]*)">`).exec(page);
    expect(match, 'the bundle attribute, with no quote or < inside it').not.toBeNull();
    const unescape = (v: string) => v.replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const read = readPanelBundle(unescape(match![1]!));
    expect(read.locale).toBe('zh-cn');
    try {
      configureL10n(read);
      expect(t('Train')).toBe('训练');
      expect(t('Loss: no epochs trained yet.')).toBe(bundle['Loss: no epochs trained yet.']);
    } finally {
      configureL10n({ locale: 'en' });
    }
    expect(readPanelBundle('not json')).toEqual({ locale: undefined, contents: undefined });
    expect(readPanelBundle(null)).toEqual({ locale: undefined, contents: undefined });
  });
});
