import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { statusText } from '../../../src/editor/format';
import { configureL10n, t, tn, toUiLocale } from '../../../src/shared/l10n';

const zh = JSON.parse(readFileSync(join(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

afterEach(() => configureL10n({ locale: 'en' }));

describe('messages', () => {
  it('fills named placeholders, formatting numbers for the locale', () => {
    expect(t('This network has {count} parameters, above the limit of {limit}: training it would need about {memory} for weights, gradients and optimiser state.', { count: 5301501, limit: 5000000, memory: '64 MB' })).toBe(
      'This network has 5,301,501 parameters, above the limit of 5,000,000: training it would need about 64 MB for weights, gradients and optimiser state.',
    );
  });

  it('picks the English plural by count', () => {
    expect(tn(1, '{count} unit', '{count} units')).toBe('1 unit');
    expect(tn(8, '{count} unit', '{count} units')).toBe('8 units');
  });

  it('reads the Chinese bundle when the UI is Chinese, in its own word order', () => {
    configureL10n({ locale: 'zh-CN', contents: zh });
    expect(tn(8, '{count} unit', '{count} units')).toBe('8 个单元');
    expect(statusText({ state: 'paused', epoch: 120, epochs: 300, last: undefined })).toBe('已暂停 · 第 120/300 轮');
    configureL10n({ locale: 'en', contents: zh });
    expect(statusText({ state: 'paused', epoch: 120, epochs: 300, last: undefined })).toBe('paused · epoch 120/300');
  });

  it('maps locale tags of every spelling to the bundles there are', () => {
    expect(['zh-cn', 'zh_CN.UTF-8', 'zh-Hans', 'zh', 'ZH-CN'].map(toUiLocale)).toEqual(['zh-cn', 'zh-cn', 'zh-cn', 'zh-cn', 'zh-cn']);
    expect(['en', 'en_US.UTF-8', 'C.UTF-8', 'de', undefined, 'zh-TW'].map(toUiLocale)).toEqual(['en', 'en', 'en', 'en', 'en', 'en']);
  });
});
