package com.aftercare.web.console.inquiries;

/** Why an operator flags an inquiry; the facade checks it (1–500 characters on one line). */
record FlagForm(String reason) {}
