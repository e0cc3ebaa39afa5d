import { setupServer } from 'msw/node';
import { coachHandlers } from './coach-server';
import { handlers } from './handlers';
import { learnerHandlers } from './learner-server';
import { practiceHandlers } from './practice-server';

export const server = setupServer(...handlers, ...coachHandlers, ...practiceHandlers, ...learnerHandlers);
