/**
 * The Spring Boot application: the storefront REST API, the operator console, the customer
 * portal, security and the wiring of the feature modules.
 */
package com.aftercare.web;
