// Scenario texts that declare themselves scenarios but on which the YAML reader throws rather than
// answers with errors: an alias bomb (billion laughs, past the parser's alias limit), an alias
// cycle and an alias with no anchor.
export const ALIAS_PROBLEMS: Record<string, string> = {
  'bomb.yaml': [
    'placewise: 1',
    'a: &a [x, x, x, x, x, x, x, x, x]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  ].join('\n'),
  'cycle.yaml': 'placewise: 1\nname: &loop [*loop]\n',
  'unresolved.yaml': 'placewise: 1\nname: *nowhere\n',
};
