/**
 * The inquiry desk: inquiries from every channel (phone, email, SNS/chat, visit, web form), their
 * workflow, assignment and SLAs. Talks to the other feature modules only through domain events.
 */
package com.aftercare.inquiry;
