/**
 * Request rate limits: token buckets per client address, per user and per API key, sized by the
 * organization's plan, kept on the node or shared through Redis.
 */
package io.agentcoach.identity.ratelimit;
