/**
 * The desk's automations and macros in the console: the rule editor and the macro editor
 * (supervisors and admins), their lists with when each rule last fired, and applying a macro from
 * an inquiry's page (every operator).
 */
package com.aftercare.web.console.automation;
