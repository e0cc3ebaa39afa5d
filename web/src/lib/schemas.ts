import { z } from 'zod';

/**
 * A field the server may leave out: it writes JSON without null members (Jackson's
 * {@code non_null} inclusion), so "no value" arrives as a missing key. Read as null either way.
 */
export function orNull<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? null);
}
