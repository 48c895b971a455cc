import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ago } from '../../__testUtils__/fixtures';
import { StaleClustersWarning } from './StaleClustersWarning';

const HOUR = 3_600_000;

describe('StaleClustersWarning', () => {
  it('says how old each cluster data is and why, in words an owner can act on', async () => {
    await renderInTestApp(
      <StaleClustersWarning
        clusters={[
          {
            name: 'prod-eu-active',
            staleSince: ago(HOUR),
            lastSuccessAt: ago(2 * HOUR),
            lastError: 'token rejected (401)',
          },
          { name: 'prod-us', staleSince: ago(HOUR) },
        ]}
      />,
    );

    expect(
      screen.getByText(
        'Data from 2 clusters this entity runs in is out of date',
      ),
    ).toBeVisible();
    const [eu, us] = screen.getAllByRole('listitem');
    expect(eu).toHaveTextContent(
      /^Data from prod-eu-active was last collected 2 h ago; collection fails: token rejected \(401\)$/,
    );
    expect(us).toHaveTextContent(
      'Data from prod-us has never been collected completely',
    );
    expect(screen.getByText(/Collection health/)).toBeVisible();
  });

  it('shows nothing while every cluster is current', async () => {
    const { container } = await renderInTestApp(
      <StaleClustersWarning clusters={[]} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
