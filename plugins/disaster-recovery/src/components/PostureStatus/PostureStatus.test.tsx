import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { PostureStatus } from './PostureStatus';

describe('PostureStatus', () => {
  it.each([
    ['pass', 'Pass', 'status-ok'],
    ['warn', 'Warning', 'status-warning'],
    ['fail', 'Failing', 'status-error'],
    ['unknown', 'Unknown', 'status-aborted'],
  ] as const)(
    'shows %s as "%s" with its own icon',
    async (status, label, icon) => {
      await renderInTestApp(<PostureStatus status={status} />);

      expect(screen.getByText(label)).toBeVisible();
      expect(screen.getByTestId(icon)).toBeInTheDocument();
    },
  );

  it('keeps the status in the accessible text of custom content', async () => {
    await renderInTestApp(
      <PostureStatus status="unknown">No data yet</PostureStatus>,
    );

    expect(
      screen.getByTestId('status-aborted').parentElement,
    ).toHaveTextContent('Unknown: No data yet');
  });
});
