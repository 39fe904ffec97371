package com.aftercare.domain.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a stream strictly: the first byte sequence that is not valid in the charset stops the
 * reading with {@link BrokenEncoding} naming its line, instead of the replacement character a
 * plain {@code InputStreamReader} would slip into a customer's name. Counts lines as it goes,
 * which is why it decodes itself rather than wrapping a JDK reader that reads ahead.
 */
final class StrictReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final String charsetName;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private boolean eof;
    private boolean flushed;
    private long newlines;

    StrictReader(InputStream in, Charset charset) {
        this.in = in;
        this.charsetName = charset.name();
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            if (!bytes.hasRemaining() && !eof) {
                fill();
            }
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                count(cbuf, off, out.position());
                throw new BrokenEncoding(charsetName, newlines + 1);
            }
            if (eof && !bytes.hasRemaining()) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                if (out.position() == off) {
                    return -1;
                }
                break;
            }
            if (result.isOverflow()) {
                break;
            }
            if (out.position() == off) {
                fill();
            }
        }
        count(cbuf, off, out.position());
        return out.position() - off;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void count(char[] cbuf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (cbuf[i] == '\n') {
                newlines++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
