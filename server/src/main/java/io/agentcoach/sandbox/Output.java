package io.agentcoach.sandbox;

/**
 * Text a run printed, decoded as UTF-8 (invalid bytes become U+FFFD) and returned verbatim:
 * escapes and markup in it are data, to be escaped by whoever displays it.
 *
 * @param text what was kept
 * @param truncated whether more was printed than kept
 */
public record Output(String text, boolean truncated) {
}
