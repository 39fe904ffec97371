/**
 * Who handles what (対応フロー) in the console: teams and their members, who is available, the
 * assignment rules, and a supervisor reassigning an inquiry. Supervisors and admins only.
 */
package com.aftercare.web.console.desk;
