import { z } from 'zod';

const EnvSchema = z.object({
  /** Where the API lives; empty means the same origin that served the app (the normal case). */
  API_URL: z.union([z.literal(''), z.url()]).default(''),
});

export type Env = z.infer<typeof EnvSchema>;

function parseEnv(): Env {
  const raw = Object.fromEntries(
    Object.entries(import.meta.env)
      .filter(([key]) => key.startsWith('VITE_APP_'))
      .map(([key, value]) => [key.replace('VITE_APP_', ''), value]),
  );
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid VITE_APP_* settings: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export const env = parseEnv();
