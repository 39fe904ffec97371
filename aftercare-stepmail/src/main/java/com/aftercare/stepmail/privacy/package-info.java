/** Step mail's share of privacy: an erased customer's step mails and newsletters stop; what they were is disclosed. */
package com.aftercare.stepmail.privacy;
