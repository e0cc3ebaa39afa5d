import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { forgetDiscovery } from '../lib/auth/oauth-server';
import { authSession } from '../lib/auth/session';
import { organization } from './mocks/admin-handlers';
import { authServer } from './mocks/auth-server';
import { coachServer } from './mocks/coach-server';
import { learnerServer } from './mocks/learner-server';
import { plansServer } from './mocks/plans-server';
import { practiceServer } from './mocks/practice-server';
import { server } from './mocks/server';
import { resetPracticeSocket } from '../features/practice/api/submission-updates';

// screens are lazy chunks: the first import of one can take a while on a busy machine
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  authSession.end();
  authServer.reset();
  organization.reset();
  forgetDiscovery();
  localStorage.clear();
  sessionStorage.clear();
  coachServer.reset();
  practiceServer.reset();
  learnerServer.reset();
  plansServer.reset();
  resetPracticeSocket();
});
afterAll(() => server.close());

// jsdom has no layout: scrolling is recorded so tests can see where the page went
Element.prototype.scrollIntoView = function scrollIntoView() {
  document.body.dataset.scrolledTo = this.id;
};

// jsdom has no text layout; CodeMirror measures ranges, so give it empty rectangles
Range.prototype.getClientRects = function getClientRects() {
  return Object.assign([], { item: () => null }) as unknown as DOMRectList;
};
Range.prototype.getBoundingClientRect = function getBoundingClientRect() {
  return new DOMRect();
};
window.scrollTo = () => {};
