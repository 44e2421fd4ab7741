/**
 * Gate's administration console over SSH: the Gogo shell of the platform, reachable on the
 * loopback interface with a key listed in an OpenSSH {@code authorized_keys} file.
 */
package gate.console;
