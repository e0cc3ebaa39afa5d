import { setupServer } from 'msw/node';
import { adminHandlers } from './admin-handlers';
import { authServer } from './auth-server';
import { handlers } from './handlers';

export const server = setupServer(...handlers, ...authServer.handlers, ...adminHandlers);
