package com.aftercare.domain.inquiry;

/** Typed id of an inquiry (the aggregate itself lives in the inquiry module). */
public record InquiryId(long value) {}
