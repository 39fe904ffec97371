/** The claims' share of privacy: erasure, disclosure and retention of claim notes, photos and bank accounts. */
package com.aftercare.returns.privacy;
