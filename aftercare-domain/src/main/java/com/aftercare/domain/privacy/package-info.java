/**
 * Privacy (個人情報保護法): a customer's disclosure (開示, {@link com.aftercare.domain.privacy.Disclosures}),
 * erasure (消去・利用停止, {@link com.aftercare.domain.privacy.Erasures}, announced as {@link
 * com.aftercare.domain.privacy.CustomerErased} so that every module anonymises its own tables), and
 * the retention periods with the job that applies them ({@link
 * com.aftercare.domain.privacy.RetentionPeriods}). Modules take part by implementing {@link
 * com.aftercare.domain.privacy.PersonalData} and {@link com.aftercare.domain.privacy.ExpiringData}.
 */
package com.aftercare.domain.privacy;
