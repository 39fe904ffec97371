/**
 * The desk's shared knowledge in the console, kept by supervisors: canned responses (定型文) and
 * FAQ articles (よくある質問). Operators use both from the inquiry page.
 */
package com.aftercare.web.console.knowledge;
