package com.aftercare.domain.imports;

import com.aftercare.domain.shared.InvalidValue;

/** The file is not text in the charset it is read in; names the line, counted from 1 (the header). */
public final class BrokenEncoding extends InvalidValue {

    private final long line;
    private final String charset;

    BrokenEncoding(String charset, long line) {
        super("file", "line " + line + " is not valid " + charset);
        this.line = line;
        this.charset = charset;
    }

    public long line() {
        return line;
    }

    public String charset() {
        return charset;
    }

    @Override
    public Object[] messageArguments() {
        return new Object[] {line, charset};
    }

    @Override
    public String code() {
        return "encoding";
    }
}
