import { describe, expect, it } from 'vitest';
import { MermaidIds, mermaidText, quotedLabel } from '../../../simulator/export/mermaid-text';

describe('MermaidIds', () => {
  it('prefixes ids with their namespace so scenario ids never read as Mermaid keywords', () => {
    const ids = new MermaidIds();
    expect(ids.id('c', 'end')).toBe('c_end');
    expect(ids.id('s', 'graph')).toBe('s_graph');
  });

  it('replaces characters Mermaid reads as syntax and keeps ids that sanitise alike apart', () => {
    const ids = new MermaidIds();
    expect([ids.id('c', 'cam-1'), ids.id('c', 'cam_1'), ids.id('c', 'cam.1')]).toEqual([
      'c_cam_1',
      'c_cam_1_2',
      'c_cam_1_3',
    ]);
  });

  it('gives the same scenario id the same Mermaid id every time it is asked', () => {
    const ids = new MermaidIds();
    const first = ids.id('c', 'a-b');
    ids.id('c', 'a_b');
    expect(ids.id('c', 'a-b')).toBe(first);
  });
});

describe('label text', () => {
  it('turns quotes, "#", ";", "&" and angle brackets into Mermaid entity codes', () => {
    expect(mermaidText('say "hi" #1; <b> & co')).toBe('say #34;hi#34; #35;1#59; #60;b#62; #38; co');
  });

  it('keeps a label on one source line', () => {
    expect(mermaidText('two\nlines')).toBe('two lines');
  });

  it('joins a quoted label’s lines with a line break', () => {
    expect(quotedLabel('phone', 'battery 5 h')).toBe('"phone<br/>battery 5 h"');
  });
});
