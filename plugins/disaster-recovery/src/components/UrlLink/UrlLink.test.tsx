import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { UrlLink } from './UrlLink';

describe('UrlLink', () => {
  it.each([
    ['https://runbooks.example/payments', 'https://runbooks.example/payments'],
    ['HTTP://wiki.example/dr', 'HTTP://wiki.example/dr'],
  ])('opens the web page %s in a new tab', async (url, href) => {
    await renderInTestApp(<UrlLink url={url}>Open runbook</UrlLink>);

    const link = screen.getByRole('link', {
      name: 'Open runbook, opens in a new tab',
    });
    expect(link).toHaveAttribute('href', href);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('leaves other schemes to the browser, in the same tab', async () => {
    await renderInTestApp(
      <UrlLink url="mailto:dr@example.com">Write to the DR team</UrlLink>,
    );

    const link = screen.getByRole('link', { name: 'Write to the DR team' });
    expect(link).toHaveAttribute('href', 'mailto:dr@example.com');
    expect(link).not.toHaveAttribute('target');
  });

  it('routes an app path inside the app', async () => {
    await renderInTestApp(
      <Routes>
        <Route
          path="/"
          element={
            <UrlLink url="/docs/default/component/payments">Docs</UrlLink>
          }
        />
        <Route
          path="/docs/default/component/payments"
          element={<p>The payments docs</p>}
        />
      </Routes>,
    );

    const link = screen.getByRole('link', { name: 'Docs' });
    expect(link).not.toHaveAttribute('target');
    await userEvent.click(link);
    expect(await screen.findByText('The payments docs')).toBeVisible();
  });

  it('never renders an executable URL as a live link', async () => {
    await renderInTestApp(
      // eslint-disable-next-line no-script-url
      <UrlLink url="javascript:alert(document.cookie)">Open runbook</UrlLink>,
    );

    expect(screen.getByRole('link', { name: 'Open runbook' })).toHaveAttribute(
      'href',
      'about:blank',
    );
  });
});
