/**
 * Text from the data inside XML or HTML (JUnit files, the HTML report): the five special characters
 * as entities, line breaks and tabs as character references (so attribute values keep them), and the
 * characters XML 1.0 cannot carry at all — control characters and unpaired surrogates — and C1 controls
 * replaced by U+FFFD, visibly.
 */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      // C1 controls too (XML carries them, a terminal showing the file obeys them)
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, '\ufffd')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
      .replace(/\r\n?|\n/g, '&#10;')
      .replace(/\t/g, '&#9;')
  );
}
