package com.aftercare.domain.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The charsets a file may be read in: UTF-8 (with or without its byte-order mark), and
 * Windows-31J, the Shift_JIS that Japanese malls and Excel export (Microsoft's variant: it has
 * ① and the NEC/IBM characters that plain Shift_JIS lacks, and they do appear in names).
 */
public enum FileCharset {
    UTF_8(StandardCharsets.UTF_8),
    WINDOWS_31J(Charset.forName("windows-31j"));

    private final Charset charset;

    FileCharset(Charset charset) {
        this.charset = charset;
    }

    public Charset charset() {
        return charset;
    }

    /** The name stored with an import. */
    public String stored() {
        return charset.name();
    }

    static FileCharset ofStored(String name) {
        return UTF_8.stored().equals(name) ? UTF_8 : WINDOWS_31J;
    }

    /** Whether the stream starts with UTF-8's byte-order mark; reads past it if so, else reads nothing. */
    static boolean skipBom(BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return true;
        }
        in.reset();
        return false;
    }

    /** A strict reader of the file, past a byte-order mark. */
    StrictReader open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        skipBom(in);
        return new StrictReader(in, charset);
    }
}
