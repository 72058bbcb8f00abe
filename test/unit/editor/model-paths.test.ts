// The editor's lexical check that a data path stays in the workspace folder (links are followed
// separately, on disk). Written against hand-resolved paths.
import { describe, expect, it } from 'vitest';
import { isInsideFolderPath } from '../../../src/editor/model-paths';

describe('isInsideFolderPath', () => {
  it('accepts files in the folder and below it', () => {
    expect(isInsideFolderPath('/ws', '/ws/data.csv')).toBe(true);
    expect(isInsideFolderPath('/ws/', '/ws/models/./data/points.csv')).toBe(true);
    expect(isInsideFolderPath('/ws', '/ws/models/../data.csv')).toBe(true);
  });

  it('refuses paths that climb out, absolute paths elsewhere, look-alike folders and the folder itself', () => {
    expect(isInsideFolderPath('/ws', '/ws/models/../../etc/passwd')).toBe(false);
    expect(isInsideFolderPath('/ws', '/etc/passwd')).toBe(false);
    expect(isInsideFolderPath('/ws', '/ws2/data.csv')).toBe(false);
    expect(isInsideFolderPath('/ws', '/ws')).toBe(false);
  });
});
