// Log text is attacker-controlled: printed raw, an ESC or OSC sequence in it could clear the
// screen, recolour lines, set the window title or forge output lines in the operator's terminal.
// Escaped: C0 (U+0000 to U+001F), DEL and C1 (U+0080 to U+009F).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters escaped
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Text with every C0/C1 control character shown as a visible escape (`\x1b`): terminals, messages. */
export function terminalText(text: string): string {
  return text.replace(CONTROLS, (char) => {
    const code = char.charCodeAt(0);
    return `\\x${code.toString(16).padStart(2, "0")}`;
  });
}

/** True when the text holds a C0/C1 control character (NUL, ESC, newline, tab…). */
export function hasControls(text: string): boolean {
  return text.search(CONTROLS) !== -1;
}

// The same without line feed, carriage return and tab, which typed paragraphs keep.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** True when the text holds a control character other than a line break or a tab. */
export function hasControlsBesidesLines(text: string): boolean {
  return CONTROLS_BUT_LINES.test(text);
}

/** The text with its control characters dropped, for showing typed input back. */
export function dropControls(text: string): string {
  return text.replace(CONTROLS, "");
}
