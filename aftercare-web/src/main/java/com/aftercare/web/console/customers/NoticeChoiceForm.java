package com.aftercare.web.console.customers;

import com.aftercare.domain.line.LineIdentities.NoticeChannel;
import jakarta.validation.constraints.NotNull;

/** Where a customer linked to LINE wants a storefront's notices: on LINE or by mail. */
record NoticeChoiceForm(@NotNull NoticeChannel channel) {}
