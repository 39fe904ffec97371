package com.aftercare.inquiry;

import java.time.Instant;

/** One entry of an inquiry's trail (opened, assigned, replied, status changes…), oldest first. */
public record TrailView(String type, String actor, String detail, Instant at) {}
