const MINUTE = 60_000;
const ago = (minutes: number) =>
  new Date(Date.now() - minutes * MINUTE).toISOString();

/** A DR drill with every piece of evidence its kind needs. */
export function completeDrill(change: Record<string, unknown> = {}) {
  return {
    kind: 'dr-drill',
    startedAt: ago(120),
    endedAt: ago(80),
    outcome: 'succeeded',
    achievedRtoMs: 40 * MINUTE,
    achievedRpoMs: 5 * MINUTE,
    evidence: {
      backup: { name: 'payments-hourly-1', createdAt: ago(185) },
      restoreTargetTime: ago(180),
      namespaceInventory: [
        { namespace: 'payments', expectedObjects: 40, restoredObjects: 40 },
      ],
      healthChecks: [{ name: 'pods ready', passed: true }],
      applicationHealthChecks: [{ name: 'checkout', passed: true }],
      reconciliation: { passed: true },
    },
    ...change,
  };
}
