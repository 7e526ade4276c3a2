/**
 * Jakarta Servlet 6 adapter over {@link io.camssdk.webhook.CamsEndpoint}: {@link io.camssdk.servlet.CamsIntentServlet}
 * serves intent calls, {@link io.camssdk.servlet.CamsReceiptServlet} serves one receipt push type, and
 * {@link io.camssdk.servlet.CamsVerificationFilter} verifies calls for applications that route requests themselves.
 *
 * <p>The adapter only passes method, headers and the body stream to the endpoint and writes its reply; every check
 * of the wire contract lives in the core.
 *
 * @since 0.1
 */
package io.camssdk.servlet;
