import { setupServer } from 'msw/node';
import { adminHandlers } from './admin-handlers';
import { authServer } from './auth-server';
import { coachHandlers } from './coach-server';
import { handlers } from './handlers';
import { learnerHandlers } from './learner-server';
import { plansHandlers } from './plans-server';
import { practiceHandlers } from './practice-server';

export const server = setupServer(
  ...handlers,
  ...authServer.handlers,
  ...adminHandlers,
  ...coachHandlers,
  ...practiceHandlers,
  ...learnerHandlers,
  ...plansHandlers,
);
