package com.aftercare.returns.logistics;

/** The carriers whose slip-printing systems a shop imports returns into. */
public enum Carrier {
    /** ヤマト運輸, slips printed with B2クラウド. */
    YAMATO,
    /** 佐川急便, slips printed with e飛伝. */
    SAGAWA,
    /** 日本郵便 (ゆうパック), slips printed with ゆうパックプリントR. */
    JAPAN_POST
}
