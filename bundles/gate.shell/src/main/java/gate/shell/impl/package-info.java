/**
 * Gogo commands in scope {@code gate} (not exported). Commands return DTOs ({@link
 * gate.shell.impl.ServiceTable}); {@link gate.shell.impl.TableFormatter} turns them into text,
 * reached through the Gogo {@link gate.shell.impl.TableConverter} or the DTO's {@code toString()}.
 */
package gate.shell.impl;
