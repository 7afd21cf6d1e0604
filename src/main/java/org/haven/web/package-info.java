/**
 * The web edge: the JAX-RS application, security headers, CSRF protection, request limits, error
 * answers (problem+json on the API, a friendly page in the browser), static assets and the template
 * engine. Feature packages own their resources and pages; this package owns what every request shares.
 * It never reads post text and never logs request content.
 */
package org.haven.web;
