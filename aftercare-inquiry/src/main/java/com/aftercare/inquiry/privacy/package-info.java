/** The inquiry desk's share of privacy: erasure, disclosure and retention of inquiries and their messages. */
package com.aftercare.inquiry.privacy;
