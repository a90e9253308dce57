/**
 * Text files that are plainly not CSV but get saved or dropped as .csv: a JSON document or JSON
 * lines (an API's answer), and an HTML or XML page (a portal's login or error page saved instead
 * of the download, a WITSML export). DuckDB reads any text as a one-or-more-column CSV, so such a
 * file would become a table of markup with no error; this names what the file is instead. Looks
 * at the start of the file only.
 */

/** JSON: an array of objects or arrays, or an object with a quoted key (JSON lines too). */
const JSON_START = /^(\[\s*[{[]|\{\s*("|\}))/;
/** HTML or XML: a doctype, an XML declaration, or an html/head/body/table/svg tag. */
const MARKUP_START = /^<(!doctype\s|\?xml[\s?]|!--|(html|head|body|table|svg)[\s>/])/i;

/**
 * What the text starting with `head` is when it is JSON or HTML/XML, and what to do, as the end of
 * "<file>: this is ..."; undefined for anything else (every real CSV header).
 */
export function markupMessage(head: string): string | undefined {
  const h = head.replace(/^[\s\uFEFF]+/, '');
  if (JSON_START.test(h))
    return `this is JSON text, not CSV (it starts with "${h.slice(0, 2)}"): export the data as CSV (a header row of column names, then one row per record) and read that.`;
  if (MARKUP_START.test(h)) {
    const what = /^<\?xml/i.test(h) ? 'an XML document' : 'an HTML or XML page';
    return `this is ${what}, not CSV (it starts with "${h.slice(0, Math.max(1, h.indexOf('>') + 1)).slice(0, 40)}"): a web page saved instead of the download (a sign-in or error page) looks so; download the CSV file again, or export the data as CSV.`;
  }
  return undefined;
}
