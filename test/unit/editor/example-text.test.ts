import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_TABLE, LESSON_FOLDERS, examplePath, lessonLanguage, type LessonLanguage } from '../../../src/editor/example-table';
import { describeExample } from '../../../src/editor/example-text';

const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('examples as the quick pick shows them', () => {
  it('reads the lesson and its first sentence from the leading comment', () => {
    const text = '// Lesson 3 (theory §3-4): a multilayer perceptron. Eight tanh units in a hidden layer bend the\n// plane.\n{ "name": "x" }\n';
    expect(describeExample(text)).toEqual({ lesson: 'Lesson 3', description: 'A multilayer perceptron.', order: [3, ''] });
    expect(describeExample('// Lesson 10b (theory §9, §14): L2. More.\n{}').lesson).toBe('Lesson 10b');
    expect(describeExample('{ "name": "no comment" }')).toEqual({ lesson: undefined, description: undefined, order: [Number.MAX_SAFE_INTEGER, ''] });
  });

  it('reads a Chinese lesson: its label, and its first sentence without spaces between joined lines', () => {
    const text = '// 第 3 课：多层感知机。隐藏层中的八个 tanh 单元把平面\n// 弯折。\n{}';
    expect(describeExample(text)).toEqual({ lesson: '第 3 课', description: '多层感知机。', order: [3, ''] });
    expect(describeExample('// 第 10b 课：L2 正则化。目标函数变成\n// 代价加上惩罚项。\n{}').lesson).toBe('第 10b 课');
    expect(describeExample('// 第 1 课：一个神经元给输入赋予\n// 权重并求和\n{}').description).toBe('一个神经元给输入赋予权重并求和');
    // A number or a Latin word between Chinese lines keeps no stray space either, and a decimal point is not a sentence's end.
    expect(describeExample('// 第 6 课：学习率 0.1 通常\n// 足够。\n{}').description).toBe('学习率 0.1 通常足够。');
  });

  it('lists the lessons in the table\'s order, which is the order examples/README.md and the comments give', () => {
    const readme = read('examples/README.md');
    const listed = [...readme.matchAll(/^\| \d+[a-z]? \| \[([\w-]+\.nn\.json)\]/gm)].map((match) => match[1]);
    expect(listed).toEqual(EXAMPLE_TABLE.map((entry) => entry.file));
    for (const language of Object.keys(LESSON_FOLDERS) as LessonLanguage[]) {
      const described = EXAMPLE_TABLE.map(({ file }) => ({ file, ...describeExample(read(examplePath(language, file))) }));
      for (const example of described) expect(example.description, `${language} ${example.file}`).toBeTruthy();
      const sorted = [...described].sort((a, b) => a.order[0] - b.order[0] || a.order[1].localeCompare(b.order[1]));
      expect(described.map((example) => example.file), language).toEqual(sorted.map((example) => example.file));
    }
  });

  it('picks the Chinese lessons for any Chinese UI language, English otherwise', () => {
    expect(lessonLanguage('zh-cn')).toBe('zh-cn');
    expect(lessonLanguage('zh-CN')).toBe('zh-cn');
    expect(lessonLanguage('zh-tw')).toBe('zh-cn');
    expect(lessonLanguage('en')).toBe('en');
    expect(lessonLanguage('de')).toBe('en');
    expect(lessonLanguage(undefined)).toBe('en');
    expect(examplePath('zh-cn', 'xor.nn.json')).toBe('examples/zh-cn/xor.nn.json');
    expect(examplePath('en', 'xor.nn.json')).toBe('examples/xor.nn.json');
  });
});
