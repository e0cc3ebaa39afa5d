import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { problem } from '../../../testing/mocks/handlers';
import { server } from '../../../testing/mocks/server';
import { renderApp } from '../../../testing/test-utils';

async function question(number: number) {
  const checks = await screen.findByRole('region', { name: 'Check your understanding' });
  return within(checks).getAllByRole('form')[number - 1];
}

describe('check questions', () => {
  it('grades a wrong choice, then a right one, showing the explanation each time', async () => {
    renderApp('/lessons/messages-and-roles');
    const form = await question(1);
    const submit = within(form).getByRole('button', { name: 'Check answer' });
    expect(submit).toBeDisabled();

    await userEvent.click(within(form).getByRole('radio', { name: 'For caching' }));
    await userEvent.click(submit);
    expect(await within(form).findByText('Not quite.')).toBeInTheDocument();
    expect(within(form).getByText('Explanation of why-resend.')).toBeInTheDocument();

    await userEvent.click(within(form).getByRole('radio', { name: 'The API is stateless' }));
    expect(within(form).queryByText('Not quite.')).not.toBeInTheDocument();
    await userEvent.click(submit);
    expect(await within(form).findByText('Correct.')).toBeInTheDocument();
  });

  it('grades a short answer typed by the learner', async () => {
    renderApp('/lessons/messages-and-roles');
    const form = await question(2);
    await userEvent.type(within(form).getByLabelText('Your answer'), 'Tool');
    await userEvent.click(within(form).getByRole('button', { name: 'Check answer' }));
    expect(await within(form).findByText('Correct.')).toBeInTheDocument();
  });

  it('shows a rejected answer as the server worded it', async () => {
    server.use(
      http.post('*/api/content/lessons/:id/checks/:checkId', () =>
        problem(400, 'validation-failed', 'Validation failed', 'answer: size must be at most 500'),
      ),
    );
    renderApp('/lessons/messages-and-roles');
    const form = await question(2);
    await userEvent.type(within(form).getByLabelText('Your answer'), 'tool');
    await userEvent.click(within(form).getByRole('button', { name: 'Check answer' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('Your answer could not be checked');
    expect(alert).toHaveTextContent('Answer: size must be at most 500.');
  });

  it('asks a signed-out learner to sign in when the server wants an account for answers', async () => {
    server.use(
      http.post('*/api/content/lessons/:id/checks/:checkId', () =>
        problem(401, 'unauthorized', 'Unauthorized', 'Sign in first'),
      ),
    );
    renderApp('/lessons/messages-and-roles');
    const form = await question(2);
    await userEvent.type(within(form).getByLabelText('Your answer'), 'tool');
    await userEvent.click(within(form).getByRole('button', { name: 'Check answer' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('Answers are checked for signed-in learners.');
    expect(within(alert).getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
  });
});
