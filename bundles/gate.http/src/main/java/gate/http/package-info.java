/**
 * Gate's web API (gate-architecture.md §7.2) on the OSGi servlet whiteboard: {@link
 * gate.http.WebApi} decides every reply as a plain function, {@link gate.http.WebApiServlet} is
 * the servlet glue.
 */
package gate.http;
