/** The platform's one audit trail ({@link com.aftercare.domain.audit.AuditLog}), shared by every module. */
package com.aftercare.domain.audit;
