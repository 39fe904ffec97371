package com.aftercare.domain.mail;

/** Published when an address starts bouncing, so the modules stop the mail they still plan for it. */
public record AddressBounced(String address, String reason) {}
