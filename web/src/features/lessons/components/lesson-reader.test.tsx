import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../testing/test-utils';

describe('lesson reader', () => {
  it('shows the lesson inside an article with its effort', async () => {
    renderApp('/lessons/messages-and-roles');
    const article = await screen.findByRole('article', { name: 'Messages and roles' });
    expect(within(article).getByText('Every request carries the whole conversation.')).toBeInTheDocument();
    expect(within(article).getByRole('heading', { level: 2, name: 'The four roles' })).toHaveAttribute('id', 'the-four-roles');
    expect(within(article).getByText('15 min')).toBeInTheDocument();
    expect(document.title).toBe('Messages and roles · AgentCoach');
  });

  it('builds the table of contents from the sections, as in-page links', async () => {
    renderApp('/lessons/messages-and-roles');
    const toc = await screen.findByRole('navigation', { name: 'On this page' });
    const links = within(toc).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['The four roles', '#the-four-roles'],
      ['Common mistakes', '#common-mistakes'],
    ]);
  });

  it('highlights Python code blocks', async () => {
    renderApp('/lessons/messages-and-roles');
    const article = await screen.findByRole('article');
    const code = article.querySelector('pre code')!;
    await waitFor(() => expect(code).toHaveClass('hljs'));
    expect(code.querySelector('.hljs-string')).toHaveTextContent('"role"');
  });

  it('scrolls a deep link to its section once the lesson is shown', async () => {
    renderApp('/lessons/messages-and-roles#common-mistakes');
    await screen.findByRole('article');
    await waitFor(() => expect(document.body.dataset.scrolledTo).toBe('common-mistakes'));
    const toc = screen.getByRole('navigation', { name: 'On this page' });
    expect(within(toc).getByRole('link', { name: 'Common mistakes' })).toHaveAttribute('aria-current', 'location');
  });

  it("says so in a sentence when the lesson doesn't exist", async () => {
    renderApp('/lessons/no-such-lesson');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The lesson could not be loaded');
    expect(alert).toHaveTextContent("Lesson 'no-such-lesson' was not found.");
  });
});
