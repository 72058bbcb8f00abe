import { afterEach, describe, expect, it } from 'vitest';
import { configureL10n, DIGITS, errorMessage, fileName, formatCount, formatNumber, formatPercent, formatUnit } from '../../../src/shared/l10n';

afterEach(() => configureL10n({ locale: 'en' }));

describe('one rule for the numbers a person reads', () => {
  it('writes measured values with three significant digits, exponents outside [1e-3, 1e5)', () => {
    expect(formatNumber(0.031234)).toBe('0.0312');
    expect(formatNumber(1234.5)).toBe('1230');
    expect(formatNumber(0.00031415)).toBe('3.1e-4');
    expect(formatNumber(0.0003)).toBe('3e-4');
    expect(formatNumber(123456)).toBe('1.2e5');
    expect(formatNumber(-2.5)).toBe('-2.5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('-∞');
    expect(formatNumber(0.031234, DIGITS.compact)).toBe('0.031');
  });

  it('writes shares as percents a person reads at a glance', () => {
    expect(formatPercent(0.9712)).toBe('97%');
    expect(formatPercent(0.0423)).toBe('4.2%');
    expect(formatPercent(0.0004)).toBe('<0.1%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(Number.NaN)).toBe('–');
  });

  it('groups counts and keeps units apart', () => {
    expect(formatCount(5301501)).toBe('5,301,501');
    expect(formatCount(12.6)).toBe('13');
    expect(formatUnit(4123.4, 'samples/s')).toBe('4,123 samples/s');
    expect(formatUnit(35.26, 'ms')).toBe('35.3 ms');
  });

  it('follows the UI locale through Intl, the same digits in Chinese', () => {
    configureL10n({ locale: 'zh-cn' });
    expect(formatCount(5301501)).toBe(new Intl.NumberFormat('zh-CN').format(5301501));
    expect(formatNumber(0.031234)).toBe('0.0312');
    expect(formatPercent(0.9712)).toBe(new Intl.NumberFormat('zh-CN', { style: 'percent' }).format(0.97));
  });

  it('names errors and files without stack traces or folders', () => {
    expect(errorMessage(new Error('disk full'))).toBe('disk full');
    expect(errorMessage({ code: 5 })).toBe('{"code":5}');
    expect(fileName('/a/b/spiral.nn.json')).toBe('spiral.nn.json');
    expect(fileName('C:\\m\\x.nn.json')).toBe('x.nn.json');
  });
});
