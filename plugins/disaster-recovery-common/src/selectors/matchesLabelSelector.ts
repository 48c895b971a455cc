import type { LabelSelector } from '../records';

/**
 * Whether labels satisfy a Kubernetes label selector: every `matchLabels`
 * pair and every expression must hold. As in Kubernetes, `NotIn` and
 * `DoesNotExist` hold for objects without the key, and an empty selector
 * matches everything.
 *
 * @public
 */
export function matchesLabelSelector(
  selector: LabelSelector,
  labels: Readonly<Record<string, string>>,
): boolean {
  const pairs = Object.entries(selector.matchLabels ?? {});
  if (pairs.some(([key, value]) => labels[key] !== value)) {
    return false;
  }
  return (selector.matchExpressions ?? []).every(
    ({ key, operator, values }) => {
      const has = Object.prototype.hasOwnProperty.call(labels, key);
      switch (operator) {
        case 'In':
          return has && (values ?? []).includes(labels[key]);
        case 'NotIn':
          return !has || !(values ?? []).includes(labels[key]);
        case 'Exists':
          return has;
        case 'DoesNotExist':
          return !has;
        default:
          // An operator the type does not know: match nothing rather than all.
          return false;
      }
    },
  );
}
