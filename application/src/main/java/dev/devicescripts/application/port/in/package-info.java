/**
 * The use cases, one interface each. Every use case but the health check acts for a {@link
 * dev.devicescripts.application.Caller} and throws {@link dev.devicescripts.application.AccessDeniedException} before
 * anything else when the caller's token does not grant it ({@link dev.devicescripts.application.Access} decides).
 */
package dev.devicescripts.application.port.in;
