package io.camssdk.internal;

/**
 * JSON that {@link JsonScanner} refused: bad syntax, invalid UTF-8, or a broken limit. The callers in the SDK's
 * public packages turn it into their {@code MalformedPayloadException}. Its path is built on the way out of the
 * nested values, so that no path is kept while reading. Carries no stack trace: it is an answer, not a bug. Internal.
 */
public final class MalformedJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final StringBuilder path = new StringBuilder();
  /** Whether the problem belongs to one value; syntax and encoding errors concern the document as a whole. */
  private final boolean located;
  /** Whether the path is complete already, so that enclosing values add nothing. */
  private boolean complete;

  private MalformedJsonException(String problem, boolean located) {
    super(problem, null, false, false);
    this.problem = problem;
    this.located = located;
  }

  /** A problem of the value being read; its path is completed by the enclosing objects and arrays. */
  public static MalformedJsonException at(String problem) {
    return new MalformedJsonException(problem, true);
  }

  /** A problem at {@code absolutePath} (starting with {@code $}); enclosing values add nothing to it. */
  public static MalformedJsonException at(String absolutePath, String problem) {
    MalformedJsonException e = new MalformedJsonException(problem, true);
    e.path.append(absolutePath, 1, absolutePath.length());
    e.complete = true;
    return e;
  }

  /** The text is not JSON. */
  public static MalformedJsonException syntax() {
    return new MalformedJsonException("not valid JSON", false);
  }

  /** The text is not UTF-8. */
  public static MalformedJsonException notUtf8() {
    return new MalformedJsonException("not valid UTF-8", false);
  }

  /** Adds the name of the member holding the value at fault, as the reader leaves it. */
  public MalformedJsonException prependName(String name) {
    if (located && !complete) {
      path.insert(0, name).insert(0, '.');
    }
    return this;
  }

  /** Adds the index of the element holding the value at fault, as the reader leaves it. */
  public MalformedJsonException prependIndex(int index) {
    if (located && !complete) {
      path.insert(0, ']').insert(0, index).insert(0, '[');
    }
    return this;
  }

  /** The JSON path of the value at fault, such as {@code $.IntentData.items[1]}; empty for the whole document. */
  public String path() {
    return located ? "$" + path : "";
  }

  /** What is wrong, without any content of the document. */
  public String problem() {
    return problem;
  }

  /** Whether the problem is the document's syntax or encoding rather than one value. */
  public boolean isSyntax() {
    return !located;
  }
}
