/** The desk's figures page (supervisors and admins), with charts drawn on the server as SVG. */
package com.aftercare.web.console.figures;
