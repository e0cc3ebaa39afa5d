import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { organization } from '../../../testing/mocks/admin-handlers';
import { learner, orgAdmin } from '../../../testing/mocks/auth-server';
import { renderApp, signInAs } from '../../../testing/test-utils';
import { niceMax } from './charts';

describe('who may see the admin screens', () => {
  it('turns a learner away in a sentence', async () => {
    signInAs(learner());
    renderApp('/admin');
    expect(await screen.findByText('Only organization admins can see these pages.')).toBeInTheDocument();
  });

  it('sends an admin without a second factor to set one up', async () => {
    signInAs(orgAdmin({ mfa: { enabled: false, required: true, verified: false } }));
    renderApp('/admin');
    expect(await screen.findByRole('link', { name: 'Set up two-factor authentication' })).toHaveAttribute('href', '/account/security');
  });

  it('asks an admin whose session skipped the second factor to sign in again', async () => {
    signInAs(orgAdmin({ mfa: { enabled: true, required: true, verified: false } }));
    renderApp('/admin');
    expect(await screen.findByRole('button', { name: 'Sign in again with your code' })).toBeInTheDocument();
  });
});

describe('members and invitations', () => {
  it('lists the members and changes a role, saying so', async () => {
    signInAs(orgAdmin());
    renderApp('/admin');
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Ada Admin (you)' })).toBeInTheDocument();
    await userEvent.selectOptions(within(table).getByLabelText('Role of Lea Learner'), 'instructor');
    expect(await screen.findByText('Lea Learner is now Instructor.')).toBeInTheDocument();
    expect(organization.state.members[1].role).toBe('instructor');
  });

  it('explains why the last admin cannot step down', async () => {
    signInAs(orgAdmin());
    renderApp('/admin');
    await userEvent.selectOptions(await screen.findByLabelText('Role of Ada Admin'), 'learner');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The change was not saved');
    expect(alert).toHaveTextContent('An organization keeps at least one active org admin; make someone else admin first.');
    expect(screen.getByLabelText('Role of Ada Admin')).toHaveValue('org_admin');
  });

  it('deactivates a member with a labelled button', async () => {
    signInAs(orgAdmin());
    renderApp('/admin');
    await userEvent.click(await screen.findByRole('button', { name: 'Deactivate Lea Learner' }));
    expect(await screen.findByText('Lea Learner is deactivated.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reactivate Lea Learner' })).toBeInTheDocument();
  });

  it('invites by email and shows the link to pass on, once', async () => {
    signInAs(orgAdmin());
    renderApp('/admin');
    await userEvent.click(await screen.findByRole('button', { name: 'Create invitation' }));
    const email = screen.getByLabelText('Email');
    expect(email).toHaveAccessibleDescription('Enter an email address like name@example.com.');
    expect(email).toHaveFocus();
    await userEvent.type(email, 'new@example.com');
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'instructor');
    expect(screen.getByLabelText('Role')).toHaveAccessibleDescription('Also writes content and reads the team’s analytics.');
    await userEvent.click(screen.getByRole('button', { name: 'Create invitation' }));
    expect(await screen.findByLabelText('Invitation link')).toHaveTextContent('http://localhost:3000/invitations/accept#token=inv_1');
    expect(organization.state.invitations).toEqual([{ token: 'inv_1', email: 'new@example.com', role: 'instructor', accepted: false }]);
    expect(email).toHaveValue('');
  });
});

describe('the audit log', () => {
  it('names the people behind events and says the chain is for platform admins to check', async () => {
    organization.state.audit.push({ action: 'member.changed', actorId: 'u-admin', target: 'u-learner', details: 'role=instructor active=true' });
    signInAs(orgAdmin());
    renderApp('/admin/audit');
    const row = await screen.findByRole('row', { name: /member\.changed/ });
    expect(within(row).getByText('Ada Admin')).toBeInTheDocument();
    expect(within(row).getByText('Lea Learner')).toBeInTheDocument();
    expect(screen.getByText('Not checked')).toBeInTheDocument();
  });

  it('shows a platform admin whether the chain is intact or where it breaks', async () => {
    organization.state.chain = 'broken';
    signInAs(orgAdmin({ roles: ['org_admin', 'platform_admin'] }));
    renderApp('/admin/audit');
    const status = await screen.findByText('Chain broken');
    expect(status.closest('p')).toHaveTextContent('Event #17 does not match the events before it');
  });
});

describe('usage, budgets and progress', () => {
  it('draws the cost per day with a summary and the numbers as a table', async () => {
    signInAs(orgAdmin());
    renderApp('/admin/usage');
    const chart = await screen.findByRole('img', { name: /Cost per day/ });
    expect(chart).toHaveAccessibleName(expect.stringContaining('$12.50 for 40 coach messages'));
    expect(chart.querySelectorAll('rect.chart-bar')).toHaveLength(2);
    expect(screen.getByRole('meter', { name: 'Budget used this month' })).toHaveAttribute('aria-valuetext', '$12.50 of $50.00');
    expect(screen.getByRole('table', { name: 'By model' })).toHaveTextContent('gpt-4o-mini');
  });

  it('checks the budgets before saving and saves them', async () => {
    signInAs(orgAdmin());
    renderApp('/admin/usage');
    const monthly = await screen.findByLabelText('Monthly budget for the organization (USD)');
    expect(monthly).toHaveValue('50');
    await userEvent.clear(monthly);
    await userEvent.type(monthly, 'lots');
    await userEvent.click(screen.getByRole('button', { name: 'Save budgets' }));
    expect(monthly).toHaveAccessibleDescription(expect.stringContaining('Enter an amount in dollars, 0 or more, or leave it empty.'));
    expect(monthly).toHaveFocus();
    await userEvent.clear(monthly);
    await userEvent.type(monthly, '80');
    await userEvent.selectOptions(screen.getByLabelText('Past a budget'), 'no');
    await userEvent.click(screen.getByRole('button', { name: 'Save budgets' }));
    expect(await screen.findByText('Budgets saved.')).toBeInTheDocument();
    expect(organization.state.policy).toEqual({ monthlyBudgetUsd: 80, learnerDailyUsd: null, offlineFallback: false, preferredModel: null });
  });

  it('shows a budget the server refuses beside its field', async () => {
    signInAs(orgAdmin());
    renderApp('/admin/usage');
    const monthly = await screen.findByLabelText('Monthly budget for the organization (USD)');
    await userEvent.clear(monthly);
    await userEvent.type(monthly, '2000000');
    await userEvent.click(screen.getByRole('button', { name: 'Save budgets' }));
    await waitFor(() => expect(monthly).toHaveAccessibleDescription(expect.stringContaining('Enter at most 1,000,000 dollars.')));
  });

  it('charts the team week by week and lists each member and who may need a hand', async () => {
    signInAs(orgAdmin());
    renderApp('/admin/progress');
    const line = await screen.findByRole('img', { name: /Average proficiency per week/ });
    expect(line.querySelectorAll('circle')).toHaveLength(3);
    expect(line).toHaveAccessibleName(expect.stringContaining('Average proficiency 52%'));
    const members = screen.getByRole('table', { name: 'Progress by member' });
    expect(within(members).getByRole('meter', { name: 'Average proficiency of Lea Learner' })).toHaveAttribute('aria-valuenow', '64');
    expect(within(members).getByText('Not yet')).toBeInTheDocument();
    expect(await screen.findByText('3 failed answers in a row on Tokens.')).toBeInTheDocument();
  });

  it('picks round axis maxima', () => {
    expect([0, 0.3, 7, 12.5, 100].map(niceMax)).toEqual([1, 0.5, 10, 20, 100]);
  });
});
