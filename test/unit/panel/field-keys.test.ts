import { describe, expect, it } from 'vitest';
import { isFieldEditingKey, type KeyLike } from '../../../src/shared/view-models/field-keys';

const key = (k: string, mods: Partial<Omit<KeyLike, 'key'>> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('isFieldEditingKey', () => {
  it('keeps select all, copy, paste, cut, undo and redo in the field, with Ctrl or Cmd', () => {
    for (const k of ['a', 'c', 'v', 'x', 'z', 'y', 'A', 'Z']) {
      expect(isFieldEditingKey(key(k, { ctrlKey: true })), `Ctrl+${k}`).toBe(true);
      expect(isFieldEditingKey(key(k, { metaKey: true })), `Cmd+${k}`).toBe(true);
    }
    // Ctrl+Shift+Z is redo (the event's key is the capital letter).
    expect(isFieldEditingKey(key('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
  });

  it('keeps the Insert and Delete clipboard keys, caret movement and deletion', () => {
    expect(isFieldEditingKey(key('Insert', { shiftKey: true }))).toBe(true);
    expect(isFieldEditingKey(key('Insert', { ctrlKey: true }))).toBe(true);
    expect(isFieldEditingKey(key('Delete', { shiftKey: true }))).toBe(true);
    for (const k of ['Backspace', 'Delete', 'Home', 'End', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']) {
      expect(isFieldEditingKey(key(k)), k).toBe(true);
      expect(isFieldEditingKey(key(k, { ctrlKey: true, shiftKey: true })), `Ctrl+Shift+${k}`).toBe(true);
    }
  });

  it("leaves the workbench's own keys to the workbench", () => {
    expect(isFieldEditingKey(key('F1'))).toBe(false);
    expect(isFieldEditingKey(key('p', { ctrlKey: true }))).toBe(false);
    expect(isFieldEditingKey(key('P', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isFieldEditingKey(key('s', { ctrlKey: true }))).toBe(false);
    expect(isFieldEditingKey(key('ArrowLeft', { altKey: true }))).toBe(false);
    expect(isFieldEditingKey(key('a'))).toBe(false);
    expect(isFieldEditingKey(key('Insert'))).toBe(false);
  });
});
