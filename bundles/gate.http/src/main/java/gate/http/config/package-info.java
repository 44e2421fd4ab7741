/**
 * Checks of the HTTP server's configuration (Config Admin) before Felix HTTP Jetty applies it.
 */
package gate.http.config;
