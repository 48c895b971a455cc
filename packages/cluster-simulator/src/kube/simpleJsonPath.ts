import { isJsonObject } from './kubeObject.ts';

/**
 * Evaluates the JSONPath subset CRD printer columns use: `.a.b`, `[n]`, and
 * a filter `[?(@.field=='value')]`. Returns every match (a filter can match
 * several); a path it cannot read matches nothing.
 */
export function evaluateJsonPath(root: unknown, path: string): unknown[] {
  const steps =
    /\.([^.[\]]+)|\[\?\(@\.([^=!<>]+)==['"]([^'"]*)['"]\)\]|\[(\d+)\]/gy;
  let current: unknown[] = [root];
  let consumed = 0;
  for (let match = steps.exec(path); match; match = steps.exec(path)) {
    consumed = steps.lastIndex;
    const [, field, filterField, filterValue, index] = match;
    const nextValues: unknown[] = [];
    for (const value of current) {
      if (field !== undefined && isJsonObject(value) && field in value) {
        nextValues.push(value[field]);
      } else if (index !== undefined && Array.isArray(value)) {
        if (Number(index) < value.length) {
          nextValues.push(value[Number(index)]);
        }
      } else if (filterField !== undefined && Array.isArray(value)) {
        nextValues.push(
          ...value.filter(
            item =>
              isJsonObject(item) && String(item[filterField]) === filterValue,
          ),
        );
      }
    }
    current = nextValues;
  }
  return consumed === path.length ? current : [];
}
