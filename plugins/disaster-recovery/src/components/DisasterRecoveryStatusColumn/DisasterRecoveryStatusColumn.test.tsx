import type { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import { healthyPosture } from '../../__testUtils__/fixtures';
import {
  mockDisasterRecoveryApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { createDisasterRecoveryStatusColumn } from './DisasterRecoveryStatusColumn';

const mapped: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    annotations: { 'disaster-recovery/tier': '1' },
  },
  spec: {},
};

describe('createDisasterRecoveryStatusColumn', () => {
  it("shows a mapped entity's status", async () => {
    const column = createDisasterRecoveryStatusColumn();
    const getEntityPosture = jest.fn(async () => healthyPosture);
    await renderWithApi(<>{column.render!({ entity: mapped }, 'row')}</>, {
      api: mockDisasterRecoveryApi({ getEntityPosture }),
    });

    expect(column.title).toBe('DR status');
    expect(await screen.findByText('Pass')).toBeInTheDocument();
    expect(getEntityPosture).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments',
    });
  });

  it('shows a dash without asking for an entity without DR data', async () => {
    const column = createDisasterRecoveryStatusColumn({ title: 'DR' });
    const entity = { ...mapped, metadata: { name: 'docs' } };
    await renderWithApi(<>{column.render!({ entity }, 'row')}</>, {
      api: mockDisasterRecoveryApi({}),
    });

    expect(column.title).toBe('DR');
    expect(screen.getByText('—')).toBeInTheDocument();
  });
});
