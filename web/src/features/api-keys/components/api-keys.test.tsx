import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { organization } from '../../../testing/mocks/admin-handlers';
import { learner } from '../../../testing/mocks/auth-server';
import { renderApp, signInAs } from '../../../testing/test-utils';

describe('API keys', () => {
  it('offers only the scopes the person holds', async () => {
    signInAs(learner());
    renderApp('/account/api-keys');
    const group = await screen.findByRole('group', { name: 'What the key may do' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(4);
    expect(within(group).queryByText(/Administer your organization/)).not.toBeInTheDocument();
    expect(within(group).getByRole('checkbox', { name: /Read the curriculum/ })).toBeChecked();
  });

  it('checks the form, then shows the new secret once and lists the key', async () => {
    signInAs(learner());
    renderApp('/account/api-keys');
    expect(await screen.findByText('You have no API keys yet.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: /Read the curriculum/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(expect.stringContaining('Name the key after where you will use it.'));
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(screen.getByText('Choose at least one thing the key may do.')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Name'), 'ci runner');
    await userEvent.click(screen.getByRole('checkbox', { name: /Run and submit/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByLabelText('New API key')).toHaveTextContent('ak_abcdefghijklmnopqrstuvwxyz0123456789');
    const row = await screen.findByRole('row', { name: /ci runner/ });
    expect(within(row).getByText('practice:submit')).toBeInTheDocument();
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(organization.state.keys[0]).toMatchObject({ name: 'ci runner', scopes: ['practice:submit'], expiresAt: null });
  });

  it('revokes a key only after a confirmation', async () => {
    organization.state.keys.push({
      id: 'key-9', name: 'old script', prefix: 'ak_1234567', scopes: ['content:read'], expiresAt: null,
      lastUsedAt: '2025-03-01T10:00:00Z', usageCount: 5, revokedAt: null, createdAt: '2025-01-01T10:00:00Z',
    });
    signInAs(learner());
    renderApp('/account/api-keys');
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke old script' }));
    expect(organization.state.keys[0].revokedAt).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    await userEvent.click(screen.getByRole('button', { name: 'Revoke old script' }));
    await userEvent.click(screen.getByRole('button', { name: 'Revoke “old script” now' }));
    const row = screen.getByRole('row', { name: /old script/ });
    expect(await within(row).findByText('Revoked')).toBeInTheDocument();
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(organization.state.keys[0].revokedAt).not.toBeNull();
  });
});
