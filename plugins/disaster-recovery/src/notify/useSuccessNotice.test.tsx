import { alertApiRef } from '@backstage/core-plugin-api';
import { coreApis } from '@backstage/frontend-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useSuccessNotice } from './useSuccessNotice';

function SaveButton() {
  const notify = useSuccessNotice();
  return <button onClick={() => notify('Drill recorded.')}>Save</button>;
}

describe('useSuccessNotice', () => {
  it('posts a toast where the app provides the toast API', async () => {
    const toastApi = mockApis.toast.mock();
    const alertApi = mockApis.alert.mock();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [coreApis.toast, toastApi],
          [alertApiRef, alertApi],
        ]}
      >
        <SaveButton />
      </TestApiProvider>,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(toastApi.post).toHaveBeenCalledWith({
      title: 'Drill recorded.',
      status: 'success',
      timeout: 5000,
    });
    expect(alertApi.post).not.toHaveBeenCalled();
  });

  // The legacy test app registers what app-defaults does: an alert API, no toast API.
  it('falls back to the alert API in a legacy app', async () => {
    const alertApi = mockApis.alert.mock();
    await renderInTestApp(
      <TestApiProvider apis={[[alertApiRef, alertApi]]}>
        <SaveButton />
      </TestApiProvider>,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(alertApi.post).toHaveBeenCalledWith({
      message: 'Drill recorded.',
      severity: 'success',
      display: 'transient',
    });
  });
});
