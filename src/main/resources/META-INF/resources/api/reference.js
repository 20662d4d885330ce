/*
 * Swagger UI over the service's own OpenAPI document. In a file of its own, served by the
 * service, not in the page: the site's Content-Security-Policy (script-src 'self') refuses
 * inline scripts, which is what stops Quarkus' bundled Swagger UI page from starting.
 */
window.ui = SwaggerUIBundle({
  url: '/q/openapi?format=json',
  dom_id: '#reference',
  deepLinking: true,
  layout: 'BaseLayout',
  presets: [SwaggerUIBundle.presets.apis],
  // No call to the public validator service: the policy refuses it, and the document is ours.
  validatorUrl: null,
  defaultModelsExpandDepth: 0,
  displayRequestDuration: true
});
