/**
 * Notices to a customer (the shipping notice, step mails, the visit confirmation): the one place
 * that picks their channel ({@link com.aftercare.domain.notice.Notices}): on LINE when the
 * storefront sends notices there and the linked customer did not ask for mail, else by mail.
 * Uses the mail pipeline and the LINE room through their faces. See {@code docs/channels.md}.
 */
package com.aftercare.domain.notice;
