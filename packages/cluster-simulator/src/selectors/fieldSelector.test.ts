import { parseFieldSelector } from './fieldSelector.ts';
import { SelectorSyntaxError } from './labelSelector.ts';

const subject = { name: 'daily-1', namespace: 'velero' };

describe('parseFieldSelector', () => {
  it.each([
    ['', true],
    ['metadata.name=daily-1', true],
    ['metadata.name==daily-1', true],
    ['metadata.name!=daily-1', false],
    ['metadata.namespace=velero,metadata.name=daily-1', true],
    ['metadata.namespace=velero,metadata.name=other', false],
    ['metadata.namespace!=kube-system', true],
  ])('%p matches: %p', (selector, expected) => {
    expect(parseFieldSelector(selector).matches(subject)).toBe(expected);
  });

  it('unescapes \\, \\= and \\\\ in values', () => {
    const selector = parseFieldSelector('metadata.name=a\\,b\\=c\\\\');
    expect(selector.requirements[0].value).toBe('a,b=c\\');
  });

  it.each([
    ['spec.nodeName=x', 'field label not supported: spec.nodeName'],
    ['metadata.name', "invalid selector: 'metadata.name'"],
    ['metadata.name=a=b', 'unescaped = in value'],
    ['metadata.name=a\\x', 'invalid escape sequence'],
  ])('%p is refused', (selector, message) => {
    expect(() => parseFieldSelector(selector)).toThrow(SelectorSyntaxError);
    expect(() => parseFieldSelector(selector)).toThrow(message);
  });
});
