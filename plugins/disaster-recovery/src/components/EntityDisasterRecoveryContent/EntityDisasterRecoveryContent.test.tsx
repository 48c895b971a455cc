import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { EntityDisasterRecoveryContent } from './EntityDisasterRecoveryContent';

function entityWith(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', annotations },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  };
}

async function renderFor(entity: Entity) {
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityDisasterRecoveryContent />
    </EntityProvider>,
  );
}

describe('EntityDisasterRecoveryContent', () => {
  it('shows the declared tier, overrides, pattern and runbook', async () => {
    await renderFor(
      entityWith({
        'disaster-recovery/tier': '1',
        'disaster-recovery/rpo': '5m',
        'disaster-recovery/pattern': 'hot-warm',
        'disaster-recovery/runbook': 'https://runbooks.example.com/payments',
      }),
    );

    expect(
      screen.getByText('Declared recovery objectives'),
    ).toBeInTheDocument();
    expect(screen.getByText('5m')).toBeInTheDocument();
    expect(screen.getByText('tier default')).toBeInTheDocument();
    expect(screen.getByText('hot-warm')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /runbooks\.example\.com\/payments/ }),
    ).toHaveAttribute('href', 'https://runbooks.example.com/payments');
  });

  it('says what is missing when no runbook or pattern is declared', async () => {
    await renderFor(entityWith({ 'disaster-recovery/tier': '3' }));

    expect(screen.getAllByText('not declared')).toHaveLength(2);
  });

  it('tells the user how to declare a tier when there is none', async () => {
    await renderFor(
      entityWith({ 'backstage.io/kubernetes-id': 'payments-api' }),
    );

    expect(
      screen.getByText('No disaster-recovery tier declared'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Add the annotation disaster-recovery\/tier/),
    ).toBeInTheDocument();
  });
});
