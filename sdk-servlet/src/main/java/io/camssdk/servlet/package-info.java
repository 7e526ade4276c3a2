/**
 * Jakarta Servlet 6 adapter over {@link io.camssdk.webhook.CamsEndpoint}: {@link io.camssdk.servlet.CamsIntentServlet}
 * serves intent calls, {@link io.camssdk.servlet.CamsReceiptServlet} serves one receipt push type, and
 * {@link io.camssdk.servlet.CamsVerificationFilter} verifies calls for applications that route requests themselves.
 *
 * <p>The adapter reads the body ({@link io.camssdk.servlet.ServletCallHandler}: without holding a thread while it
 * arrives, within a read deadline and the endpoint's size limit), hands it to the endpoint and writes its reply;
 * every check of the wire contract lives in the core. What only a servlet can meet (a body that does not arrive in
 * time, ends early, or anything thrown on the way) is answered by the adapter, in the same JSON form.
 *
 * @since 0.1
 */
package io.camssdk.servlet;
